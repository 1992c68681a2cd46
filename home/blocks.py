from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class CalloutBlock(blocks.StructBlock):
    """A highlighted note, e.g. where to get help or a safety message."""

    kind = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("safety", "Safety note"), ("warning", "Warning")], default="info"
    )
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "components/callout_block.html"


class HelplineBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120)
    phone = blocks.CharBlock(max_length=40, required=False)
    website = blocks.URLBlock(required=False)
    hours = blocks.CharBlock(max_length=120, required=False, help_text="e.g. 24 hours, every day")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "mail"
        template = "components/helpline_block.html"


class StandardStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", template="components/heading_block.html", icon="title")
    paragraph = blocks.RichTextBlock(features=["h3", "bold", "italic", "link", "ul", "ol", "document-link"])
    image = ImageBlock()
    embed = EmbedBlock(help_text="A video, e.g. from YouTube or Vimeo", icon="media")
    callout = CalloutBlock()
    helplines = blocks.ListBlock(HelplineBlock(), template="components/helplines_block.html", icon="list-ul")
