"""Demo site tree: the home page, 'Get help now' and the site settings."""

from wagtail.models import Page, Site

from .models import HomePage, SiteSettings, StandardPage

HELPLINES = [
    {
        "name": "Emergency services",
        "phone": "999",
        "hours": "24 hours",
        "description": "If you or someone else is in immediate danger. If you cannot speak, stay on the line and "
        "press 55 when prompted (Silent Solution); this works from mobiles.",
        "website": None,
    },
    {
        "name": "National Domestic Abuse Helpline (Refuge)",
        "phone": "0808 2000 247",
        "hours": "24 hours, every day",
        "description": "Free, confidential support for women experiencing domestic abuse, and for family, friends "
        "and professionals calling on their behalf. Live chat and a BSL service are also available.",
        "website": "https://www.nationaldahelpline.org.uk",
    },
    {
        "name": "Men's Advice Line",
        "phone": "0808 8010 327",
        "hours": "Weekdays; see the website for times",
        "description": "Confidential support for men experiencing domestic abuse.",
        "website": "https://mensadviceline.org.uk",
    },
    {
        "name": "Galop – LGBT+ Domestic Abuse Helpline",
        "phone": "0800 999 5428",
        "hours": "See the website for opening times",
        "description": "Support for LGBT+ people experiencing domestic abuse, including from family members.",
        "website": "https://galop.org.uk",
    },
    {
        "name": "Rape Crisis 24/7 Support Line",
        "phone": "0808 500 2222",
        "hours": "24 hours, every day",
        "description": "For anyone aged 16 or over affected by rape, sexual assault, sexual abuse or any other kind "
        "of sexual violence or harassment, at any time in their life.",
        "website": "https://247sexualabusesupport.org.uk",
    },
    {
        "name": "Karma Nirvana – honour-based abuse and forced marriage",
        "phone": "0800 5999 247",
        "hours": "See the website for opening times",
        "description": "Support for victims of honour-based abuse and forced marriage, and for professionals.",
        "website": "https://karmanirvana.org.uk",
    },
    {
        "name": "National Stalking Helpline (Suzy Lamplugh Trust)",
        "phone": "0808 802 0300",
        "hours": "See the website for opening times",
        "description": "Advice for anyone affected by stalking or harassment.",
        "website": "https://www.suzylamplugh.org",
    },
    {
        "name": "Respect Phoneline",
        "phone": "0808 8024 040",
        "hours": "See the website for opening times",
        "description": "For people worried about their own behaviour towards a partner or family member.",
        "website": "https://respectphoneline.org.uk",
    },
]


def load(stdout) -> int:
    created = 0
    home = HomePage.objects.first()
    if home is None:
        site = Site.objects.filter(is_default_site=True).first()
        # Retire Wagtail's "Welcome to your new Wagtail site!" page (a plain Page).
        for welcome in Page.objects.filter(depth=2):
            if welcome.specific_class is Page and not welcome.get_children().exists():
                if site and site.root_page_id == welcome.pk:
                    site.delete()
                    site = None
                welcome.delete()
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Learning and the Domestic Abuse Champion Network",
                slug="home",
                intro="<p>Training for everyone who works with people affected by domestic abuse and sexual "
                "violence across Cambridgeshire and Peterborough: police, health, councils, schools, housing and "
                "specialist services. Learn online or in a booked session, get a certificate your employer can "
                "check, and join the Domestic Abuse Champion Network.</p>",
                body=[
                    {
                        "type": "callout",
                        "value": {
                            "kind": "safety",
                            "heading": "If this training raises concerns about your own situation",
                            "text": "<p>You are not alone. Use <b>Get help now</b> for confidential helplines, "
                            "or speak to your line manager or your organisation's Domestic Abuse Champion.</p>",
                        },
                    },
                ],
            )
        )
        created += 1
        if site:
            site.root_page = home
            site.save()
        else:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="DASV Learning"
            )
        stdout.write("  created the home page")

    help_page = StandardPage.objects.filter(slug="get-help-now").first()
    if help_page is None:
        help_page = home.add_child(
            instance=StandardPage(
                title="Get help now",
                slug="get-help-now",
                intro="Free, confidential national helplines. If you are in immediate danger, call 999.",
                body=[
                    {
                        "type": "callout",
                        "value": {
                            "kind": "warning",
                            "heading": "Staying safe online",
                            "text": "<p>If you are worried someone may see that you have visited this site, use "
                            "the <b>Exit this page</b> button at the top of every page, or press Shift three "
                            'times. It does not clear your browsing history: <a href="/staying-safe-online/">'
                            "Staying safe online</a> explains how to cover your tracks.</p>",
                        },
                    },
                    {"type": "helplines", "value": HELPLINES},
                    {"type": "heading", "value": "If you are a professional supporting someone"},
                    {
                        "type": "paragraph",
                        "value": "<p>Follow your organisation's safeguarding procedures. Where there is a risk of "
                        "serious harm, complete a DASH risk assessment and consider a referral to MARAC and to the "
                        "local IDVA service. Your organisation's Domestic Abuse Champion can advise you.</p>",
                    },
                ],
            )
        )
        created += 1
        stdout.write("  created the 'Get help now' page")

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.help_page_id is None:
        site_settings.help_page = help_page
        site_settings.save()
        created += 1
    return created
