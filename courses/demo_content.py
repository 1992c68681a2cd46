"""Demo course content for the DASV learning platform.

Pure data, no Django: a list of courses (``COURSES``), each with its catalogue fields and its modules, and each
module with its StreamField body as ``(block_type, value)`` tuples (heading, paragraph, callout, knowledge_check).
The demo loader turns these into CoursePage and ModulePage objects.

The text was written for demonstration from public knowledge of practice in England and Wales. It is not legal
advice, and a training manager should review it against current law, statutory guidance and local procedures
(Cambridgeshire and Peterborough) before it is used with learners.
"""

COURSES = [
    {
        "slug": "domestic-abuse-awareness",
        "title": "Domestic abuse awareness",
        "summary": (
            "The entry course for everyone who works with the public: what domestic abuse is under the Domestic Abuse "
            "Act 2021, how to recognise it, how to ask safely and respond well, and where to find help."
        ),
        "topics": ["domestic_abuse"],
        "level": "awareness",
        "delivery": "elearning",
        "duration_minutes": 90,
        "cpd_hours": "1.5",
        "learning_outcomes": [
            (
                "Describe the statutory definition of domestic abuse in the Domestic Abuse Act 2021, including "
                "children as victims in their own right"
            ),
            "Recognise the signs and impact of domestic abuse on adults and children",
            "Explain why leaving an abusive relationship can be difficult and dangerous",
            "Ask about domestic abuse safely and respond to a disclosure without judgement",
            "Identify local and national services, legal protections and referral routes",
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": False,
        "is_champion_training": False,
        "prerequisites": [],
        "modules": [
            {
                "slug": "what-is-domestic-abuse",
                "title": "What domestic abuse is",
                "body": [
                    ("heading", "About this course"),
                    (
                        "paragraph",
                        (
                            "<p>This is the starting point for everyone in the partnership who works with children, "
                            "adults or families, whatever your role: police officer, receptionist, teacher, housing "
                            "officer, nurse, support worker or volunteer. You do not need any previous knowledge. By "
                            "the end you will know what domestic abuse is, how to spot it, how to ask about it safely "
                            "and what to do next.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                            ),
                        },
                    ),
                    ("heading", "The statutory definition"),
                    (
                        "paragraph",
                        (
                            "<p>The Domestic Abuse Act 2021 gave England and Wales a statutory definition of domestic "
                            "abuse for the first time. Behaviour of one person towards another is domestic abuse if "
                            "both people are <b>aged 16 or over</b>, they are <b>personally connected</b> to each "
                            "other, and the behaviour is <b>abusive</b>. Abusive behaviour means any of the "
                            "following:</p>"
                            "<ul>"
                            "<li>physical or sexual abuse</li>"
                            "<li>violent or threatening behaviour</li>"
                            "<li>controlling or coercive behaviour</li>"
                            "<li>economic abuse</li>"
                            "<li>psychological, emotional or other abuse</li></ul>"
                            "<p>It does not matter whether the behaviour is a single incident or a course of conduct. "
                            "Many victims experience several forms of abuse at once, and the pattern matters more "
                            "than any one incident.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Two people are <b>personally connected</b> if they are, or have been, married or in a "
                            "civil partnership; have agreed to marry or to form a civil partnership (even if the "
                            "agreement has ended); are or have been in an intimate personal relationship; each have, "
                            "or have had, a parental relationship to the same child; or are relatives. They do not "
                            "have to live together. The definition therefore covers abuse by a current or former "
                            "partner, in same-sex and heterosexual relationships, and abuse by family members such as "
                            "an adult son or daughter, a sibling or an in-law.</p>"
                            "<p><b>Economic abuse</b> is behaviour that has a substantial adverse effect on a "
                            "person's ability to acquire, use or keep money or other property, or to obtain goods or "
                            "services. Examples include controlling all the household money, running up debt in the "
                            "victim's name, stopping them from working, or withholding money for food, medicine or "
                            "the children's needs.</p>"
                        ),
                    ),
                    ("heading", "Children are victims in their own right"),
                    (
                        "paragraph",
                        (
                            "<p>Under section 3 of the Act, a child (anyone under 18) who sees, hears or experiences "
                            "the effects of domestic abuse, and who is related to either the victim or the abuser, is "
                            "a <b>victim of domestic abuse in their own right</b>. Children do not need to be in the "
                            "room to be harmed. Living with fear, tension and unpredictability, being moved to a "
                            "refuge or away from school and friends, or being used by the abuser to control the other "
                            "parent are all part of their experience.</p>"
                            "<p>This builds on the Children Act 1989, whose definition of harm includes impairment "
                            "suffered from seeing or hearing the ill-treatment of another. Abuse in relationships "
                            "between young people aged 16 and 17 falls within the statutory definition; where anyone "
                            "involved is under 16, it is responded to through child safeguarding procedures.</p>"
                        ),
                    ),
                    ("heading", "Who experiences domestic abuse"),
                    (
                        "paragraph",
                        (
                            "<p>Domestic abuse can happen to anyone, whatever their age, sex, gender identity, sexual "
                            "orientation, ethnicity, faith, disability, income or background. The Office for National "
                            "Statistics' Crime Survey for England and Wales estimates that around 1 in 4 women and 1 "
                            "in 7 men have experienced domestic abuse at some point since the age of 16.</p>"
                            "<p>Women are more likely than men to experience repeated and severe abuse, sexual "
                            "violence and coercive control, and to be killed by a partner or former partner. That is "
                            "why domestic abuse is recognised as part of violence against women and girls. Every "
                            "victim deserves a good response, and some people face extra barriers to getting help: "
                            "disabled people whose abuser is also their carer, older people, people whose immigration "
                            "status is insecure, people from minoritised communities, and LGBT+ people who may be "
                            "threatened with being 'outed'.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "Which of these can be domestic abuse under the Domestic Abuse Act 2021? Tick "
                                        "all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Threats made by a 25-year-old man towards his mother",
                                            "correct": True,
                                        },
                                        {
                                            "text": (
                                                "A one-off dispute between two neighbours who have never been in a "
                                                "relationship"
                                            ),
                                            "correct": False,
                                        },
                                        {
                                            "text": "Abuse by a former partner the victim no longer lives with",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Economic abuse, such as taking out loans in a partner's name",
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "The definition covers economic abuse, abuse by relatives and abuse by former "
                                        "partners, whether or not they live together. Unrelated neighbours are not "
                                        "personally connected, although their behaviour may still be a crime."
                                    ),
                                },
                                {
                                    "text": "The statutory definition applies when both people are aged:",
                                    "multiple": False,
                                    "options": [
                                        {"text": "16 or over", "correct": True},
                                        {"text": "18 or over", "correct": False},
                                        {"text": "Any age", "correct": False},
                                        {"text": "21 or over", "correct": False},
                                    ],
                                    "feedback": (
                                        "Both people must be 16 or over. Where anyone involved is under 16, the "
                                        "response is through child safeguarding procedures."
                                    ),
                                },
                                {
                                    "text": (
                                        "A 9-year-old hears her father repeatedly threatening her mother. Under the "
                                        "Act, she is:"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "A witness only, not a victim", "correct": False},
                                        {
                                            "text": "Outside the Act altogether because she is under 16",
                                            "correct": False,
                                        },
                                        {"text": "A victim only if she is physically hurt", "correct": False},
                                        {"text": "A victim of domestic abuse in her own right", "correct": True},
                                    ],
                                    "feedback": (
                                        "Section 3 recognises a child who sees, hears or experiences the effects of "
                                        "domestic abuse, and is related to either person, as a victim in their own "
                                        "right."
                                    ),
                                },
                                {
                                    "text": "Which statement about being 'personally connected' is correct?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "The two people do not need to live together", "correct": True},
                                        {
                                            "text": "Family members other than partners are not included",
                                            "correct": False,
                                        },
                                        {"text": "They must be current partners", "correct": False},
                                        {
                                            "text": "They must have lived together within the last year",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Current and former partners, people with a child in common and relatives are "
                                        "all personally connected, whether or not they live together."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "recognising-domestic-abuse",
                "title": "Recognising domestic abuse and its impact",
                "body": [
                    ("heading", "A pattern, not just an incident"),
                    (
                        "paragraph",
                        (
                            "<p>Domestic abuse is usually a pattern of behaviour through which one person gains and "
                            "keeps power and control over another. It is not a 'row' or a 'volatile relationship' "
                            "between equals, and it is not caused by alcohol, stress or the victim's behaviour, "
                            "although these are often given as excuses. There may be no physical violence at all. "
                            "Abuse often escalates over time, and it can continue, or become more dangerous, after "
                            "the relationship ends.</p>"
                        ),
                    ),
                    ("heading", "Signs you might notice"),
                    (
                        "paragraph",
                        (
                            "<p>You will rarely see abuse happen. More often you will notice things that do not add "
                            "up. In an adult, these might include:</p>"
                            "<ul>"
                            "<li>injuries that are unexplained, or with explanations that do not fit, or repeated "
                            "'accidents'</li>"
                            "<li>a partner or family member who always attends, answers for them or will not leave "
                            "them alone</li>"
                            "<li>missed appointments, lateness or sudden cancellations</li>"
                            "<li>anxiety about what the partner will think, or frequent calls and messages checking "
                            "up on them</li>"
                            "<li>no access to money, a phone, transport or their own documents</li>"
                            "<li>withdrawal from friends, family or colleagues</li>"
                            "<li>depression, anxiety, self-harm, suicidal thoughts, or drinking or drug use to "
                            "cope</li></ul>"
                            "<p>In children and young people, you might see changes in behaviour or mood, aggression "
                            "or withdrawal, difficulty concentrating, poor attendance, bedwetting or other "
                            "regression, reluctance to go home, or a child who seems to be looking after a parent.</p>"
                            "<p>None of these signs proves that abuse is happening. Each is a reason to be curious "
                            "and to find a safe way to ask.</p>"
                        ),
                    ),
                    ("heading", "Why leaving can be hard"),
                    (
                        "paragraph",
                        (
                            "<p>Asking 'why don't they just leave?' puts the responsibility on the victim. A more "
                            "useful question is 'what is making it hard to leave, and what would help?' Reasons "
                            "include:</p>"
                            "<ul>"
                            "<li>fear: separation is a time of increased risk, including risk of serious harm and "
                            "homicide</li>"
                            "<li>fear for the children, or of losing them, and threats about child contact</li>"
                            "<li>financial dependence, debt, and nowhere safe to live</li>"
                            "<li>insecure immigration status, or threats of deportation</li>"
                            "<li>love for the person and hope that they will change</li>"
                            "<li>isolation, shame, and pressure from family or community</li>"
                            "<li>dependence on the abuser for care, or the abuser's dependence on them</li>"
                            "<li>earlier experiences of not being believed by professionals</li></ul>"
                            "<p>Leaving is a process, not a single event, and many victims try more than once. Your "
                            "role is to keep the door open, not to judge whether or when they leave.</p>"
                        ),
                    ),
                    ("heading", "The impact of abuse"),
                    (
                        "paragraph",
                        (
                            "<p>Domestic abuse can cause physical injury and long-term ill health, depression, "
                            "anxiety, post-traumatic stress and suicidal thoughts. It can lead to debt, job loss and "
                            "homelessness. Children living with abuse may have problems with emotional wellbeing, "
                            "behaviour, learning and relationships, and may carry the effects into adulthood. With "
                            "the right support, adults and children can and do recover.</p>"
                        ),
                    ),
                    ("heading", "Professional curiosity"),
                    (
                        "paragraph",
                        (
                            "<p>Domestic Homicide Reviews repeatedly find that professionals had contact with the "
                            "victim, and sometimes with the perpetrator, before the death. Common lessons are that "
                            "nobody asked about abuse, explanations were accepted at face value, the victim was "
                            "always seen with the perpetrator present, and information was not shared between "
                            "agencies. Professional curiosity means noticing, asking sensitive questions, checking "
                            "what you are told against what you see, and thinking about the whole family.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "Which of these could be signs that someone is experiencing domestic abuse? "
                                        "Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Seeing friends and family freely and managing their own money",
                                            "correct": False,
                                        },
                                        {"text": "Injuries with explanations that do not fit", "correct": True},
                                        {
                                            "text": (
                                                "A partner who always attends appointments and answers questions for "
                                                "them"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "Repeated missed appointments and last-minute cancellations",
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Control by a partner, missed appointments and unexplained injuries are all "
                                        "possible signs. Freedom to see people and manage money is not a sign of "
                                        "abuse."
                                    ),
                                },
                                {
                                    "text": "Which is the most helpful question to hold in mind?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Is it really abuse if there is no physical violence?",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "What is making it hard for this person to leave, and what would help?"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "What did they do to provoke it?", "correct": False},
                                        {"text": "Why haven't they left yet?", "correct": False},
                                    ],
                                    "feedback": (
                                        "Focusing on barriers and support keeps responsibility with the abuser and "
                                        "helps you offer something useful."
                                    ),
                                },
                                {
                                    "text": "When is the risk of serious harm often increased?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Around the time of separation and afterwards", "correct": True},
                                        {"text": "Only when alcohol is involved", "correct": False},
                                        {"text": "Once the abuser has apologised", "correct": False},
                                        {"text": "Only while the couple live together", "correct": False},
                                    ],
                                    "feedback": (
                                        "Separation is a recognised time of increased risk, which is one reason why "
                                        "leaving can be dangerous and needs planning."
                                    ),
                                },
                                {
                                    "text": "Professional curiosity means:",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Confronting the person you suspect of being abusive",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Waiting until the person raises the subject themselves",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Noticing, asking sensitive questions and not taking explanations at "
                                                "face value"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Investigating the abuse as the police would", "correct": False},
                                    ],
                                    "feedback": (
                                        "Professional curiosity is about noticing and asking safely, then acting on "
                                        "what you learn; it is not investigating or confronting anyone."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "asking-and-responding",
                "title": "Asking about abuse and responding safely",
                "body": [
                    ("heading", "Creating a safe opportunity to talk"),
                    (
                        "paragraph",
                        (
                            "<p>Many survivors say they wanted someone to ask. NICE guidance on domestic violence and "
                            "abuse (PH50) recommends that staff in services such as antenatal care, mental health and "
                            "sexual health ask about abuse routinely, and that all frontline staff are trained to "
                            "recognise it and ask when they have concerns. Asking safely matters as much as "
                            "asking:</p>"
                            "<ul>"
                            "<li><b>Ask only when the person is alone.</b> Never ask in front of a partner, "
                            "ex-partner, family member, friend, or a child old enough to repeat what is said.</li>"
                            "<li><b>Use a professional interpreter.</b> Never use family members, friends or children "
                            "to interpret, and check that the interpreter does not know the family.</li>"
                            "<li>Find a private space and allow enough time.</li>"
                            "<li>Explain the limits of confidentiality before they tell you anything, including when "
                            "you would have to share information to protect them or a child.</li></ul>"
                            "<p>You can make it routine by explaining that you ask everyone, then move from general "
                            "to specific questions, for example: 'How are things at home?', 'Do you ever feel "
                            "frightened of your partner or anyone you live with?', 'Has anyone hurt you or threatened "
                            "you?', 'Does anyone stop you seeing friends or family, or control your money or your "
                            "phone?'</p>"
                        ),
                    ),
                    ("heading", "If someone tells you"),
                    (
                        "paragraph",
                        (
                            "<p>How you respond the first time may decide whether the person ever tells anyone again. "
                            "Listen, believe them and do not judge. Helpful things to say include 'Thank you for "
                            "telling me', 'It is not your fault', 'You do not deserve to be treated like this' and "
                            "'There is help available'.</p>"
                            "<p>Avoid pressing for details, telling them they must leave, asking why they have not "
                            "told anyone before, promising to keep everything secret, or making decisions for "
                            "them.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Then think about safety and next steps:</p>"
                            "<ol>"
                            "<li>Ask about immediate safety: Is the abuser nearby? Is it safe to go home today? Where "
                            "are the children?</li>"
                            "<li>If anyone is in immediate danger, call 999.</li>"
                            "<li>Follow your organisation's safeguarding procedures and tell your safeguarding "
                            "lead.</li>"
                            "<li>Assess risk using the SafeLives Dash risk checklist if you are trained to, or make "
                            "sure someone who is trained does so.</li>"
                            "<li>Offer a referral to a specialist domestic abuse service and give helpline details, "
                            "if it is safe for them to keep them.</li>"
                            "<li>Make a referral to children's social care if a child may be at risk of harm, and to "
                            "adult safeguarding if the adult has care and support needs.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Things that can increase the danger",
                            "text": (
                                "<ul>"
                                "<li>Contacting or confronting the alleged abuser, or telling them what has been "
                                "disclosed</li>"
                                "<li>Sending letters, texts or leaflets that the abuser may see. Always agree a safe "
                                "way and a safe time to make contact</li>"
                                "<li>Offering joint appointments, couples counselling or mediation where there is "
                                "domestic abuse</li></ul>"
                            ),
                        },
                    ),
                    ("heading", "Recording what you have been told"),
                    (
                        "paragraph",
                        (
                            "<p>Write a record as soon as you can, in your organisation's secure system. Keep it "
                            "factual: the date and time, who was present, what the person said in their own words, "
                            "what you saw, what you did and who you referred to, and whether a risk assessment was "
                            "completed and its outcome. Record your reasons for any decision to share or not share "
                            "information.</p>"
                            "<p>Never record a disclosure in a record the abuser can see or take, such as hand-held "
                            "maternity notes or a child's health record kept at home. Follow your local policy on "
                            "flagging records and restricting access. Good records can later support protective "
                            "orders, housing applications and criminal proceedings.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "A patient attends with her husband, who insists on staying in the room. You "
                                        "notice bruising on her arm. What is the best next step?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Find a way to see her on her own, for example as a routine part of "
                                                "the appointment, and ask then"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Say nothing, as she has not raised it", "correct": False},
                                        {"text": "Ask her husband how the bruising happened", "correct": False},
                                        {
                                            "text": (
                                                "Ask her about the bruising in front of her husband so that he knows "
                                                "you have noticed"
                                            ),
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Only ask about abuse when the person is alone. Many services make seeing "
                                        "patients alone for part of an appointment routine, so that it does not "
                                        "arouse suspicion."
                                    ),
                                },
                                {
                                    "text": "The patient speaks limited English. Who should interpret?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Her adult son", "correct": False},
                                        {
                                            "text": (
                                                "A professional interpreter who has been checked as not knowing the "
                                                "family"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Her husband", "correct": False},
                                        {"text": "A friend who came with her", "correct": False},
                                    ],
                                    "feedback": (
                                        "Family members, friends and children must never interpret when you are "
                                        "asking about abuse. Use a professional interpreter and check they are not "
                                        "connected to the family."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these are helpful responses to a disclosure? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "'Why didn't you tell anyone sooner?'", "correct": False},
                                        {"text": "'You need to leave him today.'", "correct": False},
                                        {"text": "'Thank you for telling me.'", "correct": True},
                                        {"text": "'It is not your fault.'", "correct": True},
                                    ],
                                    "feedback": (
                                        "Thanking the person and making clear the abuse is not their fault helps them "
                                        "feel believed. Telling them what to do or questioning their timing can feel "
                                        "blaming."
                                    ),
                                },
                                {
                                    "text": (
                                        "Someone tells you they are frightened to go home tonight because their "
                                        "partner has threatened to kill them. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Treat it as urgent: call 999 if there is immediate danger, follow "
                                                "safeguarding procedures, make sure a risk assessment is done and "
                                                "refer to a specialist service"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Ring the partner to calm things down", "correct": False},
                                        {
                                            "text": "Write to them next week to offer an appointment",
                                            "correct": False,
                                        },
                                        {"text": "Give them the helpline number and let them go", "correct": False},
                                    ],
                                    "feedback": (
                                        "Threats to kill are a serious risk indicator. Act the same day, through the "
                                        "police if there is immediate danger, and never contact the partner."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "support-and-protection",
                "title": "Support services and legal protections",
                "body": [
                    ("heading", "Specialist support"),
                    (
                        "paragraph",
                        (
                            "<p>You do not have to be an expert. Your job is to recognise abuse, respond well and "
                            "connect the person with people who are. Specialist support includes:</p>"
                            "<ul>"
                            "<li><b>Independent Domestic Violence Advisers (IDVAs)</b>: trained specialists who work "
                            "with victims at high risk of serious harm, from the point of crisis, on safety planning, "
                            "housing, the courts and more</li>"
                            "<li>community outreach services for victims at all levels of risk</li>"
                            "<li>refuges and other safe accommodation. Since the Domestic Abuse Act 2021, county and "
                            "unitary councils have a duty to assess the need for, and arrange, support in safe "
                            "accommodation</li>"
                            "<li>the <b>National Domestic Abuse Helpline, 0808 2000 247</b>, free and open 24 hours, "
                            "run by Refuge; the Men's Advice Line; Galop for LGBT+ people; and the Respect Phoneline "
                            "for people worried about their own behaviour</li></ul>"
                            "<p>The <b>Get help now</b> page, linked from every page of this site, lists these "
                            "services.</p>"
                        ),
                    ),
                    ("heading", "MARAC"),
                    (
                        "paragraph",
                        (
                            "<p>A Multi-Agency Risk Assessment Conference (MARAC) is a regular local meeting where "
                            "police, IDVAs, health, children's and adult social care, housing, probation and other "
                            "agencies share information about victims at the highest risk and agree actions to keep "
                            "them and their children safe. Cases are usually identified with the SafeLives Dash risk "
                            "checklist. The practitioner course on risk identification covers this in depth.</p>"
                        ),
                    ),
                    ("heading", "Clare's Law"),
                    (
                        "paragraph",
                        (
                            "<p>The Domestic Violence Disclosure Scheme, known as Clare's Law, lets the police "
                            "disclose information about a person's history of abuse or violence to someone who may be "
                            "at risk from them. Under the 'right to ask', the person themselves, or a third party "
                            "such as a relative, friend or professional, can apply to the police. Under the 'right to "
                            "know', the police can make a disclosure on their own initiative. The scheme is named "
                            "after Clare Wood, who was murdered in 2009 by a former partner with a history of "
                            "violence against women, and it now has statutory guidance under the Domestic Abuse Act "
                            "2021.</p>"
                        ),
                    ),
                    ("heading", "Legal protection"),
                    (
                        "paragraph",
                        (
                            "<p>Victims can apply to the family court for a <b>non-molestation order</b> or an "
                            "<b>occupation order</b> under the Family Law Act 1996; breaching a non-molestation order "
                            "is a criminal offence. Legal aid may be available for these applications where there is "
                            "evidence of domestic abuse. The police can issue a protection notice for immediate "
                            "protection and apply to a magistrates' court for a protection order. The Domestic Abuse "
                            "Act 2021 created Domestic Abuse Protection Notices and Orders (DAPNs and DAPOs), which "
                            "are replacing the earlier Domestic Violence Protection Notices and Orders in stages. "
                            "Criminal courts can also make restraining orders.</p>"
                        ),
                    ),
                    ("heading", "Children, schools and everyday routes to help"),
                    (
                        "paragraph",
                        (
                            "<p>Through <b>Operation Encompass</b>, the police tell a trained key adult at a child's "
                            "school, before the start of the next school day, when the child has been affected by a "
                            "domestic abuse incident, so that the school can offer support.</p>"
                            "<p>In many pharmacies, a person can use the codeword <b>'Ask for ANI'</b> (Action Needed "
                            "Immediately) to be taken to a private room and helped to contact the police or support "
                            "services. Anyone who calls 999 from a mobile but cannot speak can stay on the line and "
                            "press 55 when prompted, so the operator knows it is a genuine emergency.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "What is Clare's Law?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "The law that created the offence of controlling or coercive behaviour"
                                            ),
                                            "correct": False,
                                        },
                                        {
                                            "text": "A scheme giving victims priority for social housing",
                                            "correct": False,
                                        },
                                        {
                                            "text": ("A law requiring every employer to have a domestic abuse policy"),
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "A scheme that lets the police disclose a person's history of abuse "
                                                "to someone who may be at risk from them"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Clare's Law is the Domestic Violence Disclosure Scheme, with a 'right to "
                                        "ask' and a 'right to know'."
                                    ),
                                },
                                {
                                    "text": (
                                        "What is the number of the free, 24-hour National Domestic Abuse Helpline?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "101", "correct": False},
                                        {"text": "0808 2000 247", "correct": True},
                                        {"text": "0808 800 5000", "correct": False},
                                        {"text": "0800 1111", "correct": False},
                                    ],
                                    "feedback": (
                                        "The National Domestic Abuse Helpline, run by Refuge, is 0808 2000 247. 0808 "
                                        "800 5000 is the NSPCC helpline, 101 is the police non-emergency number and "
                                        "0800 1111 is Childline."
                                    ),
                                },
                                {
                                    "text": (
                                        "Who can make a 'right to ask' application under Clare's Law? Tick all that "
                                        "apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "A professional working with the person", "correct": True},
                                        {"text": "A concerned relative or friend", "correct": True},
                                        {"text": "Only a solicitor acting for the person", "correct": False},
                                        {"text": "The person who may be at risk", "correct": True},
                                    ],
                                    "feedback": (
                                        "The person at risk or a third party, including a professional, can apply. "
                                        "The police decide whether to disclose and to whom."
                                    ),
                                },
                                {
                                    "text": "What is Operation Encompass?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "A behaviour change programme for perpetrators", "correct": False},
                                        {"text": "A specialist police unit for stalking", "correct": False},
                                        {
                                            "text": (
                                                "Police notifying a key adult at a child's school, before the next "
                                                "school day, that the child has been affected by a domestic abuse "
                                                "incident"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "A national network of refuges", "correct": False},
                                    ],
                                    "feedback": (
                                        "Operation Encompass makes sure that schools know when a pupil has been "
                                        "affected by domestic abuse, so they can offer support from the start of the "
                                        "day."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "dash-risk-identification-and-marac",
        "title": "DASH risk identification and MARAC referral",
        "summary": (
            "For practitioners who assess risk: using the SafeLives Dash risk identification checklist, applying "
            "professional judgement, referring to MARAC and the IDVA service, and planning for safety."
        ),
        "topics": ["domestic_abuse", "stalking_harassment", "honour_based_abuse"],
        "level": "practitioner",
        "delivery": "elearning",
        "duration_minutes": 180,
        "cpd_hours": "3.0",
        "learning_outcomes": [
            "Explain the research-based risk factors for serious harm and homicide in domestic abuse",
            "Complete the SafeLives Dash risk identification checklist safely and accurately with a victim",
            (
                "Apply the three MARAC referral criteria: visible high risk, professional judgement and potential "
                "escalation"
            ),
            "Make a MARAC and IDVA referral, sharing information lawfully with or without consent",
            "Support a victim to develop a safety plan at every level of risk",
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": True,
        "is_champion_training": False,
        "prerequisites": ["domestic-abuse-awareness"],
        "modules": [
            {
                "slug": "understanding-risk",
                "title": "Understanding risk in domestic abuse",
                "body": [
                    ("heading", "About this course"),
                    (
                        "paragraph",
                        (
                            "<p>This practitioner course is for staff who will identify risk with victims of domestic "
                            "abuse and refer them on: police, health, social care, housing, probation, education and "
                            "voluntary sector practitioners. It builds on the Domestic abuse awareness course, which "
                            "you must complete first. It teaches the principles; always follow the Cambridgeshire and "
                            "Peterborough MARAC operating protocol and your own organisation's procedures.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                            ),
                        },
                    ),
                    ("heading", "Why identify risk?"),
                    (
                        "paragraph",
                        (
                            "<p>The Dash risk identification checklist (Domestic Abuse, Stalking and Harassment and "
                            "Honour-Based Violence) was developed by SafeLives with the police and introduced in "
                            "2009. It gives every agency a common, evidence-based way of identifying victims at high "
                            "risk of serious harm or homicide, so that they get a co-ordinated multi-agency response "
                            "quickly. SafeLives research has found that many victims were in contact with several "
                            "professionals before they got effective help; a shared checklist helps each of those "
                            "contacts count.</p>"
                            "<p>Risk is dynamic. A checklist records the picture at one moment, and it needs to be "
                            "revisited whenever circumstances change, such as a separation, a new pregnancy, a court "
                            "hearing or the abuser's release from custody.</p>"
                        ),
                    ),
                    ("heading", "Research-based risk factors"),
                    (
                        "paragraph",
                        (
                            "<p>The checklist questions reflect factors found in research on serious harm and in "
                            "Domestic Homicide Reviews. They include:</p>"
                            "<ul>"
                            "<li>separation or an attempt to separate, particularly recently</li>"
                            "<li>pregnancy or a recent birth</li>"
                            "<li>abuse that is happening more often or getting worse</li>"
                            "<li>non-fatal strangulation, choking, suffocation or drowning</li>"
                            "<li>threats to kill the victim, the children or anyone else</li>"
                            "<li>use of, or threats with, weapons</li>"
                            "<li>stalking, harassment, constant texting or calling, obsessive jealousy and "
                            "controlling behaviour</li>"
                            "<li>sexual abuse</li>"
                            "<li>conflict over child contact, and threats involving the children</li>"
                            "<li>the abuser's threats of suicide, or attempts</li>"
                            "<li>cruelty to animals or pets</li>"
                            "<li>the abuser's history: criminal record, breaches of bail or court orders, abuse of "
                            "previous partners</li>"
                            "<li>the abuser's problems with drugs, alcohol, mental health or money</li>"
                            "<li>the victim's isolation and their own level of fear</li></ul>"
                            "<p>Non-fatal strangulation deserves special attention. It may leave no visible mark, it "
                            "can cause loss of consciousness, brain injury or death, and it is a strong warning sign "
                            "of future homicide. The Domestic Abuse Act 2021 made it a specific criminal offence.</p>"
                        ),
                    ),
                    ("heading", "The victim's own view of risk"),
                    (
                        "paragraph",
                        (
                            "<p>Victims often know their abuser better than anyone, and their fear is an important "
                            "risk indicator in itself, so ask them what they are most afraid of. But some victims "
                            "minimise the risk, because they are used to it, frightened of what happens if they say "
                            "more, or worried about their children being taken away. Your professional judgement can, "
                            "and sometimes must, identify a risk as high even when the victim does not.</p>"
                        ),
                    ),
                    ("heading", "Levels of risk"),
                    (
                        "paragraph",
                        (
                            "<p>The checklist guidance uses three levels, adapted from probation risk definitions:</p>"
                            "<ul>"
                            "<li><b>Standard</b>: current evidence does not indicate likelihood of causing serious "
                            "harm</li>"
                            "<li><b>Medium</b>: there are identifiable indicators of risk of serious harm; the abuser "
                            "has the potential to cause serious harm but is unlikely to do so unless there is a "
                            "change in circumstances</li>"
                            "<li><b>High</b>: there are identifiable indicators of risk of serious harm; the "
                            "potential event could happen at any time and the impact would be serious</li></ul>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "Which of these are recognised risk factors for serious harm or homicide? "
                                        "Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Non-fatal strangulation or choking", "correct": True},
                                        {"text": "Pregnancy or a recent birth", "correct": True},
                                        {"text": "The victim having a full-time job", "correct": False},
                                        {"text": "Recent separation", "correct": True},
                                    ],
                                    "feedback": (
                                        "Separation, strangulation and pregnancy all appear on the checklist because "
                                        "research links them to serious harm. Being employed is not a risk factor."
                                    ),
                                },
                                {
                                    "text": "Why is non-fatal strangulation treated as particularly serious?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "It always leaves visible bruising that is easy to photograph",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "It is not a criminal offence, so other agencies must act instead"
                                            ),
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "It can cause serious injury or death without visible marks and is a "
                                                "strong warning sign of future homicide"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "It is only a concern if the victim lost consciousness",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Strangulation may leave no marks but is a serious risk indicator and, since "
                                        "the Domestic Abuse Act 2021, a specific offence."
                                    ),
                                },
                                {
                                    "text": (
                                        "A victim tells you she is 'fine' and that her partner 'would never really "
                                        "hurt' her, but recently tried to strangle her. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Record the risk as standard because she is not afraid",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Use your professional judgement about the risk, which may be high "
                                                "even though she minimises it"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Close the case until she asks for help", "correct": False},
                                        {"text": "Accept her view, because she knows him best", "correct": False},
                                    ],
                                    "feedback": (
                                        "The victim's view matters, but victims sometimes minimise risk. Professional "
                                        "judgement can identify high risk regardless."
                                    ),
                                },
                                {
                                    "text": "Which statement about risk is correct?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Risk falls automatically once the couple separate",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Risk is dynamic and should be reassessed when circumstances change"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "Risk only needs assessing after a physical assault",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Once a checklist is complete, the risk level stays fixed",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Risk changes with circumstances such as separation, pregnancy, court dates "
                                        "or release from custody, so reassess whenever things change."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "using-the-dash-checklist",
                "title": "Completing the Dash risk checklist",
                "body": [
                    ("heading", "Before you start"),
                    (
                        "paragraph",
                        (
                            "<p>Complete the checklist with the victim, not about them, and only when it is safe:</p>"
                            "<ul>"
                            "<li>the victim is on their own, with no partner, family member or child present, and the "
                            "abuser is not nearby or listening on the phone</li>"
                            "<li>you have a private space and enough time; if the abuser could return, stop and "
                            "arrange another time</li>"
                            "<li>you use a professional interpreter where needed, never a relative or friend</li></ul>"
                            "<p>Explain why you are asking: the questions help you both understand how safe they are "
                            "and what help could make a difference. Explain the limits of confidentiality, and that "
                            "if the risk is high you may need to share information with other agencies, including the "
                            "MARAC, even without their agreement. The checklist is not an interview or an "
                            "investigation.</p>"
                        ),
                    ),
                    ("heading", "Asking the questions"),
                    (
                        "paragraph",
                        (
                            "<p>The questions focus on the most recent incident and the current situation. Ask every "
                            "question. You can put them in your own words and in a natural order, but keep the "
                            "meaning the same; changing the meaning changes the result. Tick 'yes' only when the "
                            "victim says yes. Record 'don't know' where they are unsure and note anything they "
                            "decline to answer. Write down the victim's own words next to significant answers, "
                            "particularly about strangulation, threats to kill, weapons and sexual abuse, because "
                            "these details help the MARAC understand the risk.</p>"
                            "<p>The checklist covers questions about the victim, the children and any pregnancy, and "
                            "about the abuser's behaviour and history. It includes questions on stalking and on "
                            "honour-based abuse, including whether there are other people the victim is afraid of, "
                            "because in honour-based abuse there may be more than one perpetrator.</p>"
                        ),
                    ),
                    ("heading", "Scoring and professional judgement"),
                    (
                        "paragraph",
                        (
                            "<p>A victim who answers 'yes' to <b>14 or more</b> questions is at <b>visible high "
                            "risk</b>, and the case should be referred to MARAC. A score under 14 does not mean the "
                            "risk is low. There are three criteria for referral:</p>"
                            "<ol>"
                            "<li><b>Visible high risk</b>: 14 or more ticks on the checklist</li>"
                            "<li><b>Professional judgement</b>: a practitioner has serious concerns, for example "
                            "because of a single factor such as strangulation or a detailed threat to kill, the "
                            "victim's extreme fear, or a combination of factors the checklist does not capture</li>"
                            "<li><b>Potential escalation</b>: the number of police callouts to the victim because of "
                            "domestic abuse in the past 12 months, at the threshold set in the local MARAC "
                            "protocol</li></ol>"
                            "<p>The checklist supports professional judgement; it does not replace it. Some victims "
                            "are less likely to answer 'yes' to the questions as written, including victims of "
                            "honour-based abuse, older and disabled victims, and victims whose immigration status is "
                            "insecure, so judgement is especially important for them.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "heading": "Police risk assessment",
                            "text": (
                                "<p>Some police forces now use the College of Policing's Domestic Abuse Risk "
                                "Assessment (DARA) at the scene of an incident instead of the police version of Dash. "
                                "Partner agencies continue to use the SafeLives Dash checklist.</p>"
                            ),
                        },
                    ),
                    ("heading", "Recording the checklist"),
                    (
                        "paragraph",
                        (
                            "<p>Record the completed checklist, the date and who completed it, the score, the "
                            "victim's words on key answers, your risk level, your decision and your reasons, and any "
                            "decision about consent and information sharing. Store it securely in your organisation's "
                            "system, restricted where necessary, and never in records that the abuser can see. Plan "
                            "when you will review it.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "How many 'yes' answers on the SafeLives Dash checklist indicate visible high "
                                        "risk?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Any single 'yes'", "correct": False},
                                        {"text": "20 or more", "correct": False},
                                        {"text": "14 or more", "correct": True},
                                        {"text": "10 or more", "correct": False},
                                    ],
                                    "feedback": (
                                        "14 or more ticks is the visible high risk threshold for a MARAC referral. "
                                        "Fewer ticks can still be high risk on professional judgement."
                                    ),
                                },
                                {
                                    "text": ("Which of these are criteria for a MARAC referral? Tick all that apply."),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": (
                                                "Potential escalation, based on police callouts in the past 12 months"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Professional judgement", "correct": True},
                                        {
                                            "text": "The alleged abuser asking for the case to be reviewed",
                                            "correct": False,
                                        },
                                        {"text": "Visible high risk (14 or more ticks)", "correct": True},
                                    ],
                                    "feedback": (
                                        "The three referral criteria are visible high risk, professional judgement "
                                        "and potential escalation."
                                    ),
                                },
                                {
                                    "text": (
                                        "A victim answers 'yes' to 9 questions, including recent strangulation and a "
                                        "threat to kill. She is terrified. What do you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Refer to MARAC on professional judgement and take immediate safety "
                                                "steps"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Do not refer, because the score is below 14", "correct": False},
                                        {"text": "Repeat the checklist in three months", "correct": False},
                                        {"text": "Wait to see whether things escalate", "correct": False},
                                    ],
                                    "feedback": (
                                        "Strangulation, a threat to kill and extreme fear together justify a referral "
                                        "on professional judgement, whatever the score."
                                    ),
                                },
                                {
                                    "text": (
                                        "While you are completing the checklist by phone, the victim says her partner "
                                        "has just come home. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Ask to speak to the partner", "correct": False},
                                        {"text": "Carry on but lower your voice", "correct": False},
                                        {"text": "Finish the remaining questions quickly", "correct": False},
                                        {
                                            "text": (
                                                "Stop, agree a safe way to end the call, and arrange another time"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Only complete the checklist when it is safe. If the abuser may be listening, "
                                        "stop and arrange to continue another time."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "referring-to-marac",
                "title": "Referring to MARAC",
                "body": [
                    ("heading", "What a MARAC is"),
                    (
                        "paragraph",
                        (
                            "<p>A Multi-Agency Risk Assessment Conference is a regular local meeting about victims of "
                            "domestic abuse at high risk of serious harm or homicide. Representatives of the police, "
                            "IDVA service, children's and adult social care, health, mental health, housing, "
                            "probation, substance misuse and specialist services share relevant information and agree "
                            "a co-ordinated action plan to increase the safety of the victim and their children, and "
                            "to manage the behaviour of the perpetrator. The victim does not attend; the IDVA "
                            "represents their views and wishes.</p>"
                        ),
                    ),
                    ("heading", "Making a referral"),
                    (
                        "paragraph",
                        (
                            "<p>Use the local MARAC referral form, attach the completed checklist and explain your "
                            "reasons, particularly when you are referring on professional judgement. Send it by the "
                            "secure route in the local operating protocol. Refer to the IDVA service at the same "
                            "time, so that an IDVA can contact the victim before the meeting.</p>"
                            "<p>A MARAC may be days away. Do not wait for it: take any immediate safety action now, "
                            "including calling the police, making a children's safeguarding referral and helping the "
                            "victim with a safety plan.</p>"
                        ),
                    ),
                    ("heading", "Consent and information sharing"),
                    (
                        "paragraph",
                        (
                            "<p>Where it is safe and possible, tell the victim about the referral and seek their "
                            "consent. Most victims agree when they understand that the aim is their safety. If they "
                            "do not agree, you can still share information where it is necessary and proportionate to "
                            "protect them or others from serious harm: the UK GDPR and the Data Protection Act 2018 "
                            "allow this, and data protection law is not a barrier to sharing information to keep "
                            "people safe. Record your decision and the reasons for it. Tell the victim that you have "
                            "referred unless doing so would increase the risk.</p>"
                            "<p>Never tell the alleged perpetrator about a MARAC referral or what was discussed.</p>"
                        ),
                    ),
                    ("heading", "After the meeting"),
                    (
                        "paragraph",
                        (
                            "<p>The MARAC agrees actions for each agency, such as flagging addresses so that police "
                            "respond urgently, housing options, health follow-up and child safeguarding. If your "
                            "agency takes on an action, complete it and report back. Information shared at MARAC is "
                            "confidential and may only be used for the purpose of keeping the victim and family "
                            "safe.</p>"
                            "<p>A case is a <b>repeat</b> if there is a further incident involving the same victim "
                            "within 12 months of the last referral. Any agency can re-refer, and should do so when it "
                            "learns of a new incident, even one that would not be a crime.</p>"
                        ),
                    ),
                    ("heading", "The IDVA role"),
                    (
                        "paragraph",
                        (
                            "<p>Independent Domestic Violence Advisers are trained specialists who work with victims "
                            "at high risk, usually from the point of crisis. They are independent of the statutory "
                            "agencies and work only for the victim: assessing risk, safety planning, supporting them "
                            "through the criminal and family courts, helping with housing and money, and representing "
                            "them at MARAC. Some IDVAs specialise, for example in hospitals or with young people. "
                            "Independent Sexual Violence Advisers (ISVAs) do similar work with victims of sexual "
                            "violence.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Who attends a MARAC to represent the victim's views?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "The alleged perpetrator's solicitor", "correct": False},
                                        {"text": "The IDVA", "correct": True},
                                        {"text": "The victim, in person", "correct": False},
                                        {"text": "A family member chosen by the victim", "correct": False},
                                    ],
                                    "feedback": (
                                        "Victims do not attend MARAC. The IDVA represents their views and wishes."
                                    ),
                                },
                                {
                                    "text": (
                                        "A victim at high risk does not want you to refer her to MARAC. Which "
                                        "statement is correct?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "You may share information without consent where it is necessary and "
                                                "proportionate to prevent serious harm, and you must record your "
                                                "reasons"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Data protection law prevents any referral", "correct": False},
                                        {"text": "You should ask her partner to persuade her", "correct": False},
                                        {"text": "You can never refer without consent", "correct": False},
                                    ],
                                    "feedback": (
                                        "Seek consent where possible, but the law allows necessary and proportionate "
                                        "sharing to prevent serious harm. Record the decision and your reasons."
                                    ),
                                },
                                {
                                    "text": (
                                        "Your MARAC referral meeting is next week, but the victim is frightened to go "
                                        "home tonight. What do you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Take immediate safety action now, including police involvement if "
                                                "needed"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "Tell her to stay with the perpetrator until the meeting",
                                            "correct": False,
                                        },
                                        {"text": "Withdraw the referral", "correct": False},
                                        {"text": "Wait for the MARAC to agree an action plan", "correct": False},
                                    ],
                                    "feedback": (
                                        "The MARAC does not replace immediate action. Deal with urgent risks straight "
                                        "away."
                                    ),
                                },
                                {
                                    "text": "When is a case a 'repeat' MARAC referral?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "When there is a further incident involving the same victim within 12 "
                                                "months of the last referral"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "When the victim moves to a new address", "correct": False},
                                        {"text": "Only when there is a further physical assault", "correct": False},
                                        {"text": "Only when the police make the new referral", "correct": False},
                                    ],
                                    "feedback": (
                                        "Any further incident within 12 months of the last referral makes the case a "
                                        "repeat, whichever agency learns of it."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "safety-planning",
                "title": "Safety planning and next steps",
                "body": [
                    ("heading", "Safety planning with the victim"),
                    (
                        "paragraph",
                        (
                            "<p>A safety plan belongs to the victim. It builds on what they already do to stay safe "
                            "and it changes as their situation changes. You might talk through:</p>"
                            "<ul>"
                            "<li><b>In an emergency:</b> calling 999 (and pressing 55 from a mobile if they cannot "
                            "speak), moving to a room with a way out and away from the kitchen or anywhere with "
                            "potential weapons, and a code word with a trusted neighbour, friend or the children</li>"
                            "<li><b>Getting ready to leave:</b> a bag kept somewhere safe with documents, medication, "
                            "money, keys and phone chargers, and planning to leave when the abuser is not there</li>"
                            "<li><b>Technology:</b> changing passwords, checking location sharing, shared accounts, "
                            "connected devices and tracking devices, and keeping a safe phone</li>"
                            "<li><b>After leaving:</b> telling the school, nursery or workplace who may not collect "
                            "the children or visit, changing routines and routes, and legal protection such as a "
                            "non-molestation order</li></ul>"
                        ),
                    ),
                    ("heading", "A response at every level of risk"),
                    (
                        "paragraph",
                        (
                            "<p>High-risk cases go to MARAC and the IDVA service, but medium and standard risk "
                            "victims still need a response. Offer a referral to local domestic abuse outreach, give "
                            "helpline information if it is safe for them to keep it, agree how you will keep in "
                            "touch, and review the risk when anything changes. Many serious cases were once assessed "
                            "as lower risk.</p>"
                        ),
                    ),
                    ("heading", "Children"),
                    (
                        "paragraph",
                        (
                            "<p>Think about the children in every case: children are victims of domestic abuse in "
                            "their own right. Make a referral to children's social care when a child may be at risk "
                            "of significant harm, following local safeguarding procedures, and tell the MARAC about "
                            "any children in the household. Support the non-abusing parent to protect the children "
                            "rather than placing the responsibility on them alone, and make sure plans also hold the "
                            "abusive parent to account.</p>"
                        ),
                    ),
                    ("heading", "The perpetrator"),
                    (
                        "paragraph",
                        (
                            "<p>Safety plans often focus on what victims should do, but it is the perpetrator's "
                            "behaviour that creates the risk. Report crimes to the police, share information through "
                            "the MARAC, and where appropriate refer the perpetrator to an accredited behaviour change "
                            "programme; the Respect Phoneline (0808 8024 040) advises people worried about their own "
                            "behaviour. Never offer joint work, couples counselling or mediation as a response to "
                            "domestic abuse.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Who should own a safety plan?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "The perpetrator's probation officer", "correct": False},
                                        {
                                            "text": "The practitioner, who decides what the victim must do",
                                            "correct": False,
                                        },
                                        {"text": "The victim, supported by the practitioner", "correct": True},
                                        {"text": "The MARAC chair", "correct": False},
                                    ],
                                    "feedback": (
                                        "A safety plan is the victim's plan: it builds on what they already do to "
                                        "stay safe and changes with their circumstances."
                                    ),
                                },
                                {
                                    "text": "Which of these could be part of a safety plan? Tick all that apply.",
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Keeping copies of important documents somewhere safe",
                                            "correct": True,
                                        },
                                        {"text": "Agreeing a code word with a trusted neighbour", "correct": True},
                                        {
                                            "text": ("Arranging a joint meeting with the abuser to agree ground rules"),
                                            "correct": False,
                                        },
                                        {"text": "Checking phone settings for location sharing", "correct": True},
                                    ],
                                    "feedback": (
                                        "Code words, documents and technology checks are all common parts of a plan. "
                                        "Joint meetings with the abuser can increase the danger."
                                    ),
                                },
                                {
                                    "text": (
                                        "A victim assessed as medium risk does not meet the MARAC threshold. What "
                                        "should happen?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Close the case, as only high-risk cases need a response",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Offer support such as local outreach, agree safe contact and review "
                                                "the risk when anything changes"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "Refer the case to MARAC anyway without reasons",
                                            "correct": False,
                                        },
                                        {"text": "Tell the victim to call back if it gets worse", "correct": False},
                                    ],
                                    "feedback": (
                                        "Every level of risk needs a proportionate response, and risk must be "
                                        "reviewed as circumstances change."
                                    ),
                                },
                                {
                                    "text": "Which is an appropriate response to the perpetrator's behaviour?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Couples counselling", "correct": False},
                                        {
                                            "text": (
                                                "Reporting crimes to the police and, where appropriate, referring to "
                                                "an accredited behaviour change programme"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Mediation between the couple", "correct": False},
                                        {"text": "Asking the victim to avoid upsetting them", "correct": False},
                                    ],
                                    "feedback": (
                                        "Accountability for the abuse lies with the perpetrator. Couples work and "
                                        "mediation are not safe responses to domestic abuse."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "coercive-and-controlling-behaviour",
        "title": "Coercive and controlling behaviour",
        "summary": (
            "Understand coercive control as a pattern of domination, the offence under section 76 of the Serious "
            "Crime Act 2015, and how to recognise, evidence and respond to it, including after separation."
        ),
        "topics": ["domestic_abuse"],
        "level": "practitioner",
        "delivery": "elearning",
        "duration_minutes": 120,
        "cpd_hours": "2.0",
        "learning_outcomes": [
            "Describe coercive control as a pattern of behaviour that restricts a person's liberty and autonomy",
            (
                "Explain the elements of the offence of controlling or coercive behaviour under section 76 of the "
                "Serious Crime Act 2015"
            ),
            (
                "Recognise controlling behaviour, including economic and technology-facilitated abuse and abuse after "
                "separation"
            ),
            "Record and share information in a way that can help build a picture of the pattern",
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": True,
        "is_champion_training": False,
        "prerequisites": ["domestic-abuse-awareness"],
        "modules": [
            {
                "slug": "understanding-coercive-control",
                "title": "Understanding coercive control",
                "body": [
                    ("heading", "Beyond incidents"),
                    (
                        "paragraph",
                        (
                            "<p>For many years, services responded to domestic abuse as a series of separate "
                            "incidents, usually assaults. Survivors described something different: a relentless "
                            "pattern of control that governed every part of their lives, in which violence, if there "
                            "was any, was only one tool. The sociologist Evan Stark called this <i>coercive "
                            "control</i> and described it as a liberty crime: it takes away a person's freedom, "
                            "independence and sense of self.</p>"
                            "<p>Coercive control is at the heart of most domestic abuse. Understanding it helps you "
                            "see risk that an incident-by-incident view misses, and it explains behaviour by victims "
                            "that might otherwise be misread.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                            ),
                        },
                    ),
                    ("heading", "Controlling and coercive behaviour"),
                    (
                        "paragraph",
                        (
                            "<p>The definitions first set out in the cross-government definition of domestic abuse in "
                            "2013, and still used in statutory guidance, describe two kinds of behaviour:</p>"
                            "<ul>"
                            "<li><b>Controlling behaviour</b>: a range of acts designed to make a person subordinate "
                            "or dependent by isolating them from sources of support, exploiting their resources and "
                            "capacities for personal gain, depriving them of the means needed for independence, "
                            "resistance and escape, and regulating their everyday behaviour</li>"
                            "<li><b>Coercive behaviour</b>: an act or a pattern of acts of assault, threats, "
                            "humiliation and intimidation or other abuse that is used to harm, punish or frighten the "
                            "victim</li></ul>"
                        ),
                    ),
                    ("heading", "What it can look like"),
                    (
                        "paragraph",
                        (
                            "<p>Each act may look minor on its own. Together they form a web of control. Examples "
                            "include:</p>"
                            "<ul>"
                            "<li>isolating the person from friends, family, work or support services</li>"
                            "<li>monitoring their time, phone, messages, social media or location</li>"
                            "<li>controlling what they wear, eat, when they sleep or whether they can see a "
                            "doctor</li>"
                            "<li>controlling money: giving an 'allowance', demanding receipts, taking their wages or "
                            "benefits, building up debt in their name</li>"
                            "<li>repeatedly putting them down, telling them they are worthless or going mad</li>"
                            "<li>threats to harm them, the children, pets or themselves, or to report them to "
                            "authorities</li>"
                            "<li>threats to share private information or intimate images, or to 'out' them</li>"
                            "<li>enforcing rules and punishing them for breaking them, often with rules that keep "
                            "changing</li>"
                            "<li>using the children to control them, or controlling their care, medication or "
                            "mobility aids</li></ul>"
                        ),
                    ),
                    ("heading", "The effect on the victim"),
                    (
                        "paragraph",
                        (
                            "<p>Living under coercive control can leave a person constantly alert, anxious and "
                            "exhausted, doubting their own judgement and memory, and organising their life around "
                            "avoiding the abuser's reaction. They may seem evasive, defensive or inconsistent, may "
                            "defend the abuser, or may react angrily when they are finally pushed too far. These are "
                            "understandable responses to abuse, not evidence that the victim is unreliable, and they "
                            "should not be mistaken for a mutually abusive relationship.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Which best describes coercive control?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Occasional arguments between partners", "correct": False},
                                        {"text": "A single physical assault", "correct": False},
                                        {
                                            "text": (
                                                "Behaviour that is only abusive if physical violence is also present"
                                            ),
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "A pattern of behaviour that restricts a person's freedom and "
                                                "autonomy, with or without physical violence"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Coercive control is a pattern, not a one-off event, and it can happen with "
                                        "no physical violence at all."
                                    ),
                                },
                                {
                                    "text": "Which of these can be controlling behaviour? Tick all that apply.",
                                    "multiple": True,
                                    "options": [
                                        {"text": "Agreeing together on a household budget", "correct": False},
                                        {
                                            "text": "Giving a partner a small 'allowance' and demanding receipts",
                                            "correct": True,
                                        },
                                        {
                                            "text": ("Preventing a partner from attending medical appointments alone"),
                                            "correct": True,
                                        },
                                        {
                                            "text": "Checking a partner's phone and location all the time",
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Monitoring, financial control and control over health care are all common. A "
                                        "budget agreed freely between equals is not controlling."
                                    ),
                                },
                                {
                                    "text": (
                                        "A victim seems defensive and gives inconsistent accounts. What is the most "
                                        "likely explanation to consider?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "These can be understandable responses to living under coercive control"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "The relationship must be mutually abusive", "correct": False},
                                        {"text": "She does not need any support", "correct": False},
                                        {"text": "She is probably not telling the truth", "correct": False},
                                    ],
                                    "feedback": (
                                        "Trauma, fear and self-protection affect how people present. Consider the "
                                        "context before drawing conclusions about credibility."
                                    ),
                                },
                                {
                                    "text": "Why has coercive control been described as a 'liberty crime'?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Because it always involves a breach of a court order",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Because it is dealt with by the civil courts rather than the police"
                                            ),
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Because it takes away the victim's freedom, independence and sense "
                                                "of self"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": ("Because it only applies where a person is physically locked in"),
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Evan Stark described coercive control as a liberty crime because of its "
                                        "effect on the victim's freedom and autonomy, whether or not there is "
                                        "violence."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "the-law-section-76",
                "title": "The offence: section 76 of the Serious Crime Act 2015",
                "body": [
                    ("heading", "The offence"),
                    (
                        "paragraph",
                        (
                            "<p>Section 76 of the Serious Crime Act 2015 created the offence of controlling or "
                            "coercive behaviour in an intimate or family relationship. It came into force in England "
                            "and Wales at the end of 2015. A person (A) commits the offence if:</p>"
                            "<ul>"
                            "<li>A <b>repeatedly or continuously</b> engages in behaviour towards another person (B) "
                            "that is controlling or coercive</li>"
                            "<li>at the time of the behaviour, A and B are <b>personally connected</b></li>"
                            "<li>the behaviour has a <b>serious effect</b> on B, and</li>"
                            "<li>A <b>knows or ought to know</b> that the behaviour will have a serious effect on "
                            "B</li></ul>"
                        ),
                    ),
                    ("heading", "What counts as a 'serious effect'"),
                    (
                        "paragraph",
                        (
                            "<p>The behaviour has a serious effect on B if it either:</p>"
                            "<ul>"
                            "<li>causes B to fear, on at least two occasions, that violence will be used against "
                            "them, or</li>"
                            "<li>causes B serious alarm or distress which has a substantial adverse effect on B's "
                            "usual day-to-day activities</li></ul>"
                            "<p>A substantial adverse effect might be shown by changes such as stopping work or "
                            "study, changing routines or the way they go about their day, stopping seeing friends, or "
                            "ill health. The test is about the effect on the victim, so their account and evidence of "
                            "changes in their life are central.</p>"
                        ),
                    ),
                    ("heading", "Separation and family members"),
                    (
                        "paragraph",
                        (
                            "<p>When the offence was created, it applied to former partners and family members only "
                            "if they lived together. The Domestic Abuse Act 2021 removed that requirement, so the "
                            "offence now uses the same meaning of 'personally connected' as the statutory definition "
                            "of domestic abuse. Coercive control by an ex-partner after separation, or by a family "
                            "member living elsewhere, can be prosecuted. This matters because control often continues "
                            "after separation, through child contact arrangements, finances, legal proceedings and "
                            "technology.</p>"
                        ),
                    ),
                    ("heading", "Evidence of a pattern"),
                    (
                        "paragraph",
                        (
                            "<p>Because the offence is about a pattern, evidence often comes from many small pieces "
                            "held by different people. Useful evidence can include:</p>"
                            "<ul>"
                            "<li>the victim's account, and diaries or notes they have kept</li>"
                            "<li>messages, call logs, social media, bank statements and tracking apps</li>"
                            "<li>accounts from friends, family, neighbours and colleagues</li>"
                            "<li>records from GPs, health visitors, schools, housing and other agencies showing "
                            "changes in the victim's life, or the abuser's presence and behaviour</li></ul>"
                            "<p>Your records may be part of that evidence. Record what you see and hear accurately, "
                            "in the person's own words, with dates, and share information through proper safeguarding "
                            "routes.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "heading": "Coercive control and other offences",
                            "text": (
                                "<p>Coercive control often sits alongside other offences, such as assault, stalking, "
                                "criminal damage, threats to kill, non-fatal strangulation and threats to disclose "
                                "private sexual images. One does not rule out the other; the police and Crown "
                                "Prosecution Service decide which charges apply.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Which Act created the offence of controlling or coercive behaviour?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Protection from Harassment Act 1997", "correct": False},
                                        {"text": "Family Law Act 1996", "correct": False},
                                        {"text": "Children Act 1989", "correct": False},
                                        {"text": "Serious Crime Act 2015", "correct": True},
                                    ],
                                    "feedback": "Section 76 of the Serious Crime Act 2015 created the offence.",
                                },
                                {
                                    "text": (
                                        "Which of these is one of the ways the behaviour can have a 'serious effect'?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Causing physical injury that needs hospital treatment, which is "
                                                "always required"
                                            ),
                                            "correct": False,
                                        },
                                        {"text": "Causing a single argument", "correct": False},
                                        {"text": "Causing the victim mild irritation", "correct": False},
                                        {
                                            "text": (
                                                "Causing the victim serious alarm or distress that has a substantial "
                                                "adverse effect on their usual day-to-day activities"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "A serious effect is either fear of violence on at least two occasions, or "
                                        "serious alarm or distress with a substantial adverse effect on day-to-day "
                                        "activities. Injury is not required."
                                    ),
                                },
                                {
                                    "text": (
                                        "A woman separated from her husband a year ago. He now controls her through "
                                        "constant messages, threats about child contact and monitoring her finances. "
                                        "Can this be the section 76 offence?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Yes: since the Domestic Abuse Act 2021 amendments, the offence can "
                                                "apply after separation whether or not they live together"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "No: the offence ends when the relationship ends",
                                            "correct": False,
                                        },
                                        {"text": "Only if he has also been physically violent", "correct": False},
                                        {
                                            "text": "No: the offence only applies to couples who live together",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "The living-together requirement for former partners was removed, so "
                                        "post-separation coercive control can be prosecuted."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these could help evidence a pattern of coercive control? Tick all "
                                        "that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "A diary kept by the victim", "correct": True},
                                        {"text": "Messages and call logs", "correct": True},
                                        {
                                            "text": (
                                                "A GP record noting that the partner always attends and answers for "
                                                "the patient"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "The abuser's assurance that the relationship is happy",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Messages, agency records and the victim's own notes can all help show a "
                                        "pattern. The abuser's assurance is not evidence that control is absent."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "recognising-and-responding-to-control",
                "title": "Recognising and responding to coercive control",
                "body": [
                    ("heading", "Seeing the pattern in practice"),
                    (
                        "paragraph",
                        (
                            "<p>Coercive control is often hidden in plain sight. You may see a partner who is "
                            "unusually attentive, who always attends and speaks for the person, who phones repeatedly "
                            "during an appointment, or who has 'lost' their documents. The person may not be able to "
                            "pay for prescriptions, may not be allowed to drive, or may seem frightened of being "
                            "late. Ask yourself: who makes the decisions here, and what happens if this person does "
                            "something their partner does not want?</p>"
                        ),
                    ),
                    ("heading", "Economic abuse"),
                    (
                        "paragraph",
                        (
                            "<p>Economic abuse is part of the statutory definition of domestic abuse and is one of "
                            "the most common forms of control. It can include controlling access to bank accounts, "
                            "taking wages or benefits, coerced debt (loans, credit cards or contracts taken out in "
                            "the victim's name), sabotaging employment, and refusing to contribute to the children's "
                            "costs after separation. It can leave victims unable to leave and with debts long after "
                            "they do. Banks, housing providers and debt advice services can help; the charity "
                            "Surviving Economic Abuse publishes guidance for victims and professionals.</p>"
                        ),
                    ),
                    ("heading", "Technology-facilitated abuse"),
                    (
                        "paragraph",
                        (
                            "<p>Phones, shared accounts, smart home devices, tracking devices and location-sharing "
                            "apps can all be used to monitor and control. Signs include the abuser knowing where the "
                            "victim has been or what they have said in private. Support the victim to think about "
                            "technology safety before making changes, because suddenly removing an abuser's access "
                            "can escalate the risk. Specialist services can help with a safe plan.</p>"
                        ),
                    ),
                    ("heading", "Control after separation"),
                    (
                        "paragraph",
                        (
                            "<p>Separation does not end coercive control, and it can make it more dangerous. Abusers "
                            "may use child arrangements, repeated applications to the family court, financial "
                            "proceedings, or complaints to agencies to keep control. Professionals can be drawn in "
                            "without realising: be curious when a parent repeatedly raises concerns about the other "
                            "parent, and consider whether the pattern is one of control.</p>"
                        ),
                    ),
                    ("heading", "How to respond"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li>Ask safely and alone, and name what you see: 'It sounds as if your partner makes a "
                            "lot of the decisions. How does that feel for you?'</li>"
                            "<li>Validate the person's experience. Many victims of coercive control do not recognise "
                            "it as abuse because there has been no violence.</li>"
                            "<li>Assess risk with the Dash checklist; jealousy, controlling behaviour and stalking "
                            "are risk factors for serious harm, even without a history of assault.</li>"
                            "<li>Record the pattern, not just the incident, and share information through "
                            "safeguarding and MARAC routes.</li>"
                            "<li>Think about the children: coercive control shapes their lives too, and they are "
                            "victims in their own right.</li>"
                            "<li>Refer to specialist domestic abuse services and give the National Domestic Abuse "
                            "Helpline number, 0808 2000 247, if it is safe for the person to keep it.</li></ul>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "Why should you support a victim to plan before they change passwords or "
                                        "remove tracking apps?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Suddenly removing the abuser's access can escalate the risk",
                                            "correct": True,
                                        },
                                        {"text": "Changing passwords is illegal", "correct": False},
                                        {"text": "Technology cannot be used for abuse", "correct": False},
                                        {"text": "The abuser must agree to any changes", "correct": False},
                                    ],
                                    "feedback": (
                                        "Losing control can provoke the abuser. Changes should be part of a safety "
                                        "plan."
                                    ),
                                },
                                {
                                    "text": "Which of these are forms of economic abuse? Tick all that apply.",
                                    "multiple": True,
                                    "options": [
                                        {"text": "Stopping the victim from going to work", "correct": True},
                                        {
                                            "text": ("Taking out credit in the victim's name without genuine consent"),
                                            "correct": True,
                                        },
                                        {
                                            "text": (
                                                "Refusing to contribute to the children's costs after separation in "
                                                "order to control"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Sharing a joint account by free agreement", "correct": False},
                                    ],
                                    "feedback": (
                                        "Coerced debt, sabotaging employment and using money to control after "
                                        "separation are all economic abuse."
                                    ),
                                },
                                {
                                    "text": (
                                        "A victim says 'it isn't abuse, he's never hit me'. What is the most helpful "
                                        "response?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Agree that it is not abuse without violence", "correct": False},
                                        {"text": "Tell them they are overreacting", "correct": False},
                                        {
                                            "text": "Advise them to wait until something physical happens",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Explain that domestic abuse includes controlling behaviour without "
                                                "violence, and that what they describe matters"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Many victims of coercive control do not recognise it as abuse. Naming it can "
                                        "help them seek support."
                                    ),
                                },
                                {
                                    "text": (
                                        "A father makes repeated complaints to school and children's services about "
                                        "the mother, his ex-partner. What should you consider?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Whether the complaints are part of a pattern of continuing control "
                                                "after separation"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "That repeated complaints are always genuine", "correct": False},
                                        {"text": "That the mother must be at fault", "correct": False},
                                        {"text": "That separation ends any risk", "correct": False},
                                    ],
                                    "feedback": (
                                        "Agencies can be used as a tool of post-separation abuse. Look at the whole "
                                        "pattern and share concerns through safeguarding routes."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "stalking-and-harassment",
        "title": "Stalking and harassment",
        "summary": (
            "Recognise stalking and harassment, including by ex-partners and online, understand the law and the risk "
            "it signals, and give victims safe, practical advice and referral."
        ),
        "topics": ["stalking_harassment", "domestic_abuse"],
        "level": "practitioner",
        "delivery": "elearning",
        "duration_minutes": 120,
        "cpd_hours": "2.0",
        "learning_outcomes": [
            "Define stalking and harassment and distinguish between them",
            (
                "Summarise the Protection from Harassment Act 1997, the stalking offences added in 2012 and Stalking "
                "Protection Orders"
            ),
            "Recognise stalking by ex-partners as a serious risk factor for harm and homicide",
            "Advise victims on recording evidence, technology safety and where to get specialist help",
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": True,
        "is_champion_training": False,
        "prerequisites": ["domestic-abuse-awareness"],
        "modules": [
            {
                "slug": "what-is-stalking",
                "title": "What stalking and harassment are",
                "body": [
                    ("heading", "Fixated, obsessive, unwanted and repeated"),
                    (
                        "paragraph",
                        (
                            "<p>Stalking is a pattern of fixated and obsessive behaviour that is repeated, "
                            "persistent, intrusive and causes fear of violence or engenders alarm and distress in the "
                            "victim. A widely used shorthand is <b>FOUR</b>: behaviour that is <b>F</b>ixated, "
                            "<b>O</b>bsessive, <b>U</b>nwanted and <b>R</b>epeated. Any one incident may look "
                            "harmless, such as flowers, a message or a car parked outside, but the pattern and its "
                            "effect on the victim make it stalking.</p>"
                            "<p>Stalkers can be ex-partners, acquaintances, colleagues, people the victim has met "
                            "through work or online, or strangers. The largest group, and the one associated with the "
                            "highest risk of violence, is former intimate partners. Stalking by an ex-partner is "
                            "domestic abuse.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                                "<p>The <b>National Stalking Helpline</b>, run by the Suzy Lamplugh Trust, is on 0808 "
                                "802 0300.</p>"
                            ),
                        },
                    ),
                    ("heading", "Stalking and harassment: the difference"),
                    (
                        "paragraph",
                        (
                            "<p>Harassment is a course of conduct that causes alarm or distress. Stalking is a more "
                            "serious and more fixated form of harassment, driven by the stalker's obsession with the "
                            "victim. Stalking is often recorded, wrongly, as harassment or as separate minor "
                            "incidents, and the seriousness of the risk can be missed as a result. If the behaviour "
                            "is fixated, obsessive, unwanted and repeated, think stalking.</p>"
                        ),
                    ),
                    ("heading", "The law"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li>The <b>Protection from Harassment Act 1997</b> makes it an offence to pursue a "
                            "course of conduct amounting to harassment (section 2), or causing another to fear, on at "
                            "least two occasions, that violence will be used against them (section 4). A course of "
                            "conduct means conduct on at least two occasions.</li>"
                            "<li>The <b>Protection of Freedoms Act 2012</b> added two stalking offences: stalking "
                            "(section 2A) and stalking involving fear of violence or serious alarm or distress "
                            "(section 4A). The Act gives examples of behaviour associated with stalking, including "
                            "following a person, contacting or trying to contact them by any means, monitoring their "
                            "use of the internet, email or other electronic communication, loitering in a public or "
                            "private place, interfering with their property, and watching or spying on them.</li>"
                            "<li>The <b>Stalking Protection Act 2019</b> lets the police apply to a magistrates' "
                            "court for a <b>Stalking Protection Order</b>, which can prohibit the stalker from doing "
                            "certain things and require them to do others, such as attending an assessment. Breaching "
                            "an order is a criminal offence. An order can be made before any criminal "
                            "conviction.</li></ul>"
                            "<p>Victims can also seek civil injunctions, and where the stalker is a current or former "
                            "partner or relative, non-molestation orders.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "What does the acronym FOUR stand for in relation to stalking?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Frightening, Online, Unlawful, Reported", "correct": False},
                                        {"text": "Fixated, Obsessive, Unwanted, Repeated", "correct": True},
                                        {"text": "Frequent, Open, Unplanned, Random", "correct": False},
                                        {"text": "Fear, Offence, Unwanted, Recorded", "correct": False},
                                    ],
                                    "feedback": (
                                        "FOUR stands for Fixated, Obsessive, Unwanted and Repeated: a prompt to "
                                        "recognise stalking from the pattern of behaviour."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which group of stalkers is associated with the highest risk of violence?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Strangers", "correct": False},
                                        {"text": "Work colleagues", "correct": False},
                                        {"text": "Online acquaintances", "correct": False},
                                        {"text": "Former intimate partners", "correct": True},
                                    ],
                                    "feedback": (
                                        "Ex-partner stalking is the most common type and the one most associated with "
                                        "serious violence and homicide."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which Act added the specific offences of stalking to the Protection from "
                                        "Harassment Act 1997?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Protection of Freedoms Act 2012", "correct": True},
                                        {"text": "Domestic Abuse Act 2021", "correct": False},
                                        {"text": "Children Act 1989", "correct": False},
                                        {"text": "Serious Crime Act 2015", "correct": False},
                                    ],
                                    "feedback": (
                                        "The Protection of Freedoms Act 2012 inserted sections 2A and 4A, the "
                                        "stalking offences."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these are listed as examples of behaviour associated with stalking? "
                                        "Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Following a person", "correct": True},
                                        {"text": "Monitoring their use of email or the internet", "correct": True},
                                        {"text": "Loitering near their home or work", "correct": True},
                                        {
                                            "text": "Sending a single, polite message that is never repeated",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Following, monitoring and loitering are examples given in the Act. A single "
                                        "message is not a course of conduct."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "stalking-and-risk",
                "title": "Stalking, technology and risk",
                "body": [
                    ("heading", "Why stalking matters for risk"),
                    (
                        "paragraph",
                        (
                            "<p>Research and Domestic Homicide Reviews show that stalking behaviour often appears in "
                            "the period before a domestic homicide, particularly after separation, when the abuser "
                            "refuses to accept that the relationship is over. Stalking is therefore a significant "
                            "risk factor in its own right. The SafeLives Dash checklist asks about it, and a separate "
                            "set of stalking screening questions (often called S-DASH) helps practitioners identify "
                            "the risk in stalking cases more fully. Use them as your local procedures require, "
                            "alongside professional judgement.</p>"
                            "<p>Warning signs of higher risk include the stalker turning up at the victim's home or "
                            "work, threats, violence towards the victim or others, contact with the victim's family "
                            "or new partner, escalation in frequency or intensity, breaches of orders, and the "
                            "victim's own fear.</p>"
                        ),
                    ),
                    ("heading", "Online and technology-facilitated stalking"),
                    (
                        "paragraph",
                        (
                            "<p>Most stalking now involves technology in some way. This can include repeated messages "
                            "and calls, creating fake profiles, monitoring social media, hacking accounts, spyware on "
                            "phones, and tracking devices or location-sharing apps. Stalkers may also contact the "
                            "victim's friends, family or employer, post about them online, or make malicious reports "
                            "to agencies. Online stalking is as serious as offline stalking, and the two usually "
                            "occur together.</p>"
                        ),
                    ),
                    ("heading", "The impact on victims"),
                    (
                        "paragraph",
                        (
                            "<p>Stalking can last months or years. Victims often describe living in constant fear and "
                            "hypervigilance, changing routines, moving house or job, and becoming isolated. Many "
                            "experience anxiety, depression, sleep problems and post-traumatic stress. Victims "
                            "frequently report many incidents before they contact the police, and some feel they were "
                            "not taken seriously when they did. Taking them seriously the first time makes a "
                            "difference.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Professionals can be stalked too",
                            "text": (
                                "<p>People who work with the public are sometimes stalked by service users, patients "
                                "or their relatives. If this happens to you or a colleague, tell your manager, keep a "
                                "record and contact the police. Your employer should have arrangements to protect "
                                "you, such as removing personal details from public view and planning for safe "
                                "visits.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Why is stalking by an ex-partner treated as a serious risk factor?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Because it only happens online", "correct": False},
                                        {"text": "Because it is usually a misunderstanding", "correct": False},
                                        {
                                            "text": "Because it stops as soon as the victim moves house",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Stalking behaviour often appears before domestic homicides, "
                                                "particularly after separation"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Stalking after separation signals continued fixation and control and is "
                                        "associated with serious harm."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these can be forms of technology-facilitated stalking? Tick all "
                                        "that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Hiding a tracking device in the victim's car", "correct": True},
                                        {"text": "Installing spyware on the victim's phone", "correct": True},
                                        {
                                            "text": "The victim choosing to block the stalker's number",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Creating fake social media profiles to contact the victim",
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Spyware, trackers and fake profiles are common. Blocking a number is "
                                        "something the victim does to protect themselves."
                                    ),
                                },
                                {
                                    "text": (
                                        "A woman says her ex-partner keeps 'bumping into' her and knows where she has "
                                        "been. She feels silly for mentioning it. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Reassure her that it is probably a coincidence",
                                            "correct": False,
                                        },
                                        {"text": "Advise her to speak to him to clear the air", "correct": False},
                                        {"text": "Suggest she waits until he threatens her", "correct": False},
                                        {
                                            "text": (
                                                "Take it seriously, ask about other behaviour and the effect on her, "
                                                "and assess the risk"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Repeated 'chance' encounters and knowing her movements may indicate stalking "
                                        "and tracking. Take it seriously and assess risk."
                                    ),
                                },
                                {
                                    "text": "What is S-DASH?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "A court order banning contact", "correct": False},
                                        {
                                            "text": (
                                                "A set of stalking screening questions used to identify risk in "
                                                "stalking cases"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "A support group for stalking victims", "correct": False},
                                        {"text": "A police database of stalkers", "correct": False},
                                    ],
                                    "feedback": (
                                        "The stalking screening questions help practitioners identify risk more "
                                        "fully, alongside the Dash checklist and professional judgement."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "responding-to-stalking",
                "title": "Responding to stalking and supporting victims",
                "body": [
                    ("heading", "Believe and act early"),
                    (
                        "paragraph",
                        (
                            "<p>Early intervention is important because stalking tends to escalate. Listen, take the "
                            "victim seriously and name the behaviour as stalking if that is what it is; many victims "
                            "are relieved to hear that what they are experiencing has a name and is a crime. "
                            "Encourage them to report to the police, and in an emergency, to call 999.</p>"
                        ),
                    ),
                    ("heading", "Practical advice for victims"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li><b>Keep a log</b> of every incident: date, time, place, what happened, any "
                            "witnesses, and how it made them feel. The National Stalking Helpline can provide a "
                            "template.</li>"
                            "<li><b>Keep the evidence</b>: screenshots, messages, voicemails, call logs, gifts and "
                            "letters. Do not delete messages, even upsetting ones.</li>"
                            "<li><b>Do not engage</b> with the stalker, even to ask them to stop, as any response can "
                            "encourage further contact. If a clear request to stop is needed, the police can "
                            "advise.</li>"
                            "<li><b>Technology safety</b>: review privacy settings, passwords, location sharing and "
                            "connected devices, and get specialist advice before removing spyware or trackers, "
                            "because removal can alert the stalker and destroy evidence.</li>"
                            "<li><b>Tell trusted people</b> at home and work, so they do not pass on information and "
                            "can record what they see.</li>"
                            "<li><b>Vary routines and routes</b> where possible, and plan what to do if the stalker "
                            "turns up.</li></ul>"
                        ),
                    ),
                    ("heading", "Specialist help"),
                    (
                        "paragraph",
                        (
                            "<p>The <b>National Stalking Helpline</b> (0808 802 0300), run by the Suzy Lamplugh "
                            "Trust, gives advice to victims and to professionals. Specialist stalking advocates, "
                            "sometimes called Independent Stalking Advocacy Caseworkers, support victims at high risk "
                            "in a similar way to IDVAs. Where the stalker is an ex-partner or family member, follow "
                            "domestic abuse procedures: complete the Dash checklist, refer to MARAC where the risk is "
                            "high and refer to the IDVA service.</p>"
                        ),
                    ),
                    ("heading", "Your own practice"),
                    (
                        "paragraph",
                        (
                            "<p>Record stalking as stalking, not as separate incidents. Keep the whole history "
                            "together so that the pattern is visible, and share information with the police and "
                            "partner agencies. Be careful with the victim's information: stalkers may contact "
                            "agencies pretending to be someone else, or use legitimate routes, such as requests for "
                            "information, to find the victim. Check identity before disclosing anything, and never "
                            "confirm a victim's address, workplace or appointments to a caller.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "What is the best advice for a victim about contact with the stalker?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Delete the messages so they are not upsetting", "correct": False},
                                        {"text": "Meet them once to ask them to stop", "correct": False},
                                        {
                                            "text": "Reply politely to every message so they do not get angry",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Do not engage, and keep a record of all contact",
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Any response can encourage further contact. Keeping records helps the police "
                                        "build a case."
                                    ),
                                },
                                {
                                    "text": (
                                        "A caller says he is a relative and asks when the victim's next appointment "
                                        "is. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Ask him to call back later", "correct": False},
                                        {
                                            "text": "Give the appointment time, because he is family",
                                            "correct": False,
                                        },
                                        {"text": "Confirm the appointment but not the address", "correct": False},
                                        {
                                            "text": (
                                                "Do not confirm any information, follow your organisation's identity "
                                                "and confidentiality procedures and record the call"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Stalkers may pose as relatives or professionals. Never confirm a victim's "
                                        "details to a caller; record the call and tell the victim if it is safe to do "
                                        "so."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these are good practice when recording stalking? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Keeping the whole history together so the pattern is visible",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Only recording incidents that involved a threat of violence",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Recording it as stalking, not as separate unrelated incidents",
                                            "correct": True,
                                        },
                                        {
                                            "text": (
                                                "Sharing information with the police and partner agencies through "
                                                "proper routes"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "The pattern is what shows the risk, so record all incidents and keep them "
                                        "together."
                                    ),
                                },
                                {
                                    "text": "What is the number of the National Stalking Helpline?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "0800 1111", "correct": False},
                                        {"text": "0808 2000 247", "correct": False},
                                        {"text": "0808 500 2222", "correct": False},
                                        {"text": "0808 802 0300", "correct": True},
                                    ],
                                    "feedback": (
                                        "The National Stalking Helpline, run by the Suzy Lamplugh Trust, is 0808 802 "
                                        "0300."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "honour-based-abuse",
        "title": "Honour-based abuse",
        "summary": (
            "Understand so-called honour-based abuse, why it often involves several perpetrators, and how to respond "
            "safely: the one chance rule, no mediation, secure information and specialist referral."
        ),
        "topics": ["honour_based_abuse", "forced_marriage", "domestic_abuse"],
        "level": "practitioner",
        "delivery": "elearning",
        "duration_minutes": 120,
        "cpd_hours": "2.0",
        "learning_outcomes": [
            "Describe honour-based abuse and the concepts of honour and shame that underlie it",
            "Recognise the warning signs of honour-based abuse in children and adults",
            "Explain the 'one chance' rule and why mediation and family involvement can be dangerous",
            (
                "Take safe, timely action, including referral to the police, safeguarding services and specialist "
                "organisations such as Karma Nirvana and the Forced Marriage Unit"
            ),
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": True,
        "is_champion_training": False,
        "prerequisites": ["domestic-abuse-awareness"],
        "modules": [
            {
                "slug": "understanding-honour-based-abuse",
                "title": "Understanding honour-based abuse",
                "body": [
                    ("heading", "What honour-based abuse is"),
                    (
                        "paragraph",
                        (
                            "<p>Honour-based abuse (HBA) is abuse committed to protect or defend the perceived "
                            "'honour' of a family or community, in response to behaviour seen as bringing shame on "
                            "them. The police and Crown Prosecution Service describe it as an incident or crime "
                            "involving violence, threats of violence, intimidation, coercion or abuse (including "
                            "psychological, physical, sexual, financial or emotional abuse) which has or may have "
                            "been committed to protect or defend the honour of an individual, family or community for "
                            "alleged or perceived breaches of the family's or community's code of behaviour.</p>"
                            "<p>The word 'honour' is used because it is how perpetrators justify the abuse. There is "
                            "no honour in abuse, which is why many people say 'so-called' honour-based abuse. It is "
                            "not a specific criminal offence; it is prosecuted through the offences committed, such "
                            "as assault, threats, false imprisonment, coercive control, forced marriage or murder.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                                "<p><b>Karma Nirvana</b> runs a national helpline for victims of honour-based abuse "
                                "and forced marriage, and for professionals, on 0800 5999 247.</p>"
                            ),
                        },
                    ),
                    ("heading", "Who is affected"),
                    (
                        "paragraph",
                        (
                            "<p>Honour-based abuse occurs in many communities, cultures and faiths around the world, "
                            "including in the UK. It is not required by any religion, and it should not be treated as "
                            "a cultural practice to be respected: it is abuse and often a crime. Most victims are "
                            "women and girls, but men and boys are also victims, particularly gay and bisexual men. "
                            "Victims can be children or adults, and disabled people may be at particular risk of "
                            "forced marriage.</p>"
                        ),
                    ),
                    ("heading", "What can be seen as 'shameful'"),
                    (
                        "paragraph",
                        (
                            "<p>Perceived breaches of the code can be very ordinary choices, such as:</p>"
                            "<ul>"
                            "<li>having a boyfriend or girlfriend, or a relationship not approved by the family</li>"
                            "<li>refusing an arranged marriage, or wanting to leave a marriage</li>"
                            "<li>being, or being suspected of being, lesbian, gay, bisexual or trans</li>"
                            "<li>dressing or behaving in a way seen as too 'Western'</li>"
                            "<li>wanting to continue education or have a career</li>"
                            "<li>becoming pregnant outside marriage, or being a victim of rape or sexual abuse</li>"
                            "<li>reporting abuse, or seeking help from outside the family</li></ul>"
                        ),
                    ),
                    ("heading", "Several perpetrators"),
                    (
                        "paragraph",
                        (
                            "<p>Unlike most domestic abuse, honour-based abuse is often planned and carried out by "
                            "several people: parents, siblings, extended family, in-laws or members of the wider "
                            "community, and women as well as men. Family members who seem supportive may be under "
                            "pressure, or may be involved. The threat can reach across towns and countries, so moving "
                            "away does not always make a victim safe.</p>"
                            "<p>Forms of abuse include emotional abuse and threats, physical violence, house arrest "
                            "and isolation, forced marriage, female genital mutilation, taking someone abroad and "
                            "abandoning them there, virginity testing and hymenoplasty (both made criminal offences "
                            "by the Health and Care Act 2022), and in the most extreme cases, murder or being "
                            "pressured into suicide.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Which statement about honour-based abuse is correct?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "It is always carried out by one person, usually a partner",
                                            "correct": False,
                                        },
                                        {"text": "It is required by certain religions", "correct": False},
                                        {
                                            "text": (
                                                "It can involve several perpetrators, including women and extended "
                                                "family"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "It only happens outside the UK", "correct": False},
                                    ],
                                    "feedback": (
                                        "HBA is often collective and planned, may involve female relatives and the "
                                        "wider community, and happens in the UK. No religion requires it."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these could be seen by perpetrators as bringing 'shame'? Tick all "
                                        "that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Being gay, or being suspected of being gay", "correct": True},
                                        {"text": "Reporting abuse to a teacher", "correct": True},
                                        {
                                            "text": "Having a relationship the family does not approve of",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Following the family's wishes in every respect",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Perceived breaches are often ordinary choices about relationships, identity "
                                        "and independence, or seeking help."
                                    ),
                                },
                                {
                                    "text": "Why do many professionals say 'so-called' honour-based abuse?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Because it only applies to adults", "correct": False},
                                        {
                                            "text": (
                                                "Because there is no honour in abuse; 'honour' is the perpetrators' "
                                                "justification"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Because it is not really abuse", "correct": False},
                                        {
                                            "text": "Because it is a legal term with a fixed definition",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "'So-called' makes clear that the motive claimed by perpetrators does not "
                                        "excuse or justify the abuse."
                                    ),
                                },
                                {
                                    "text": (
                                        "A young woman says she is afraid of her brothers and uncle because she wants "
                                        "to go to university. How should you treat this?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "As a family disagreement to be left to the family",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "As a possible honour-based abuse concern that needs a careful "
                                                "safeguarding response"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "As something her mother can sort out", "correct": False},
                                        {
                                            "text": (
                                                "As a cultural matter that professionals should not get involved in"
                                            ),
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Fear of several family members over an ordinary choice is a warning sign of "
                                        "HBA. Respect for culture never outweighs safety."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "recognising-hba-and-risk",
                "title": "Recognising honour-based abuse and assessing risk",
                "body": [
                    ("heading", "Warning signs"),
                    (
                        "paragraph",
                        (
                            "<p>Victims rarely say 'honour' when they ask for help. They may talk about being unhappy "
                            "at home, being watched, or being worried about a trip abroad. Signs include:</p>"
                            "<ul>"
                            "<li>a young person who is always escorted to and from school or work, or is not allowed "
                            "out</li>"
                            "<li>sudden or long absences from school, or a request for extended leave to visit family "
                            "abroad</li>"
                            "<li>a sibling who was married young or left education early</li>"
                            "<li>self-harm, eating disorders, depression, or running away from home</li>"
                            "<li>fear of family members or the wider community finding out about a relationship or "
                            "their sexuality</li>"
                            "<li>talk of an engagement or marriage they do not want, or of being taken 'home'</li>"
                            "<li>restrictions on money, phone and contact with friends</li>"
                            "<li>a family member or partner who insists on being present at appointments</li></ul>"
                        ),
                    ),
                    ("heading", "The 'one chance' rule"),
                    (
                        "paragraph",
                        (
                            "<p>Professionals may have only <b>one chance</b> to speak to a victim of honour-based "
                            "abuse or forced marriage. If they leave without help, they may be taken abroad, moved, "
                            "or kept from contact with anyone outside the family, and the opportunity may not come "
                            "again. Treat every disclosure as that one chance: do not send them away to 'think about "
                            "it', and make sure you have what you need to help them before they leave.</p>"
                        ),
                    ),
                    ("heading", "Assessing risk"),
                    (
                        "paragraph",
                        (
                            "<p>Use the SafeLives Dash checklist, which includes questions relevant to honour-based "
                            "abuse, such as whether anyone else has threatened the victim or whether they are afraid "
                            "of other people. Because the checklist was designed mainly for partner abuse, a victim "
                            "of HBA can be at very high risk with a low score. Consider the number of people "
                            "involved, threats to kill, plans to travel abroad, previous incidents in the family, and "
                            "the victim's fear, and use your professional judgement to refer to MARAC. Specialist "
                            "services such as Karma Nirvana can advise professionals on risk.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "heading": "A day to remember",
                            "text": (
                                "<p>Karma Nirvana marks 14 July each year as the National Day of Memory for victims "
                                "of honour-based abuse, the birthday of Shafilea Ahmed, a 17-year-old from Cheshire "
                                "who was killed by her parents in 2003.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "What does the 'one chance' rule mean?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "The victim can only make one report to the police",
                                            "correct": False,
                                        },
                                        {"text": "Only one agency may be involved in the case", "correct": False},
                                        {
                                            "text": (
                                                "You may have only one opportunity to help, so act on a disclosure "
                                                "straight away"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "You should give the family one chance to resolve things",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "If a victim leaves without help, they may be taken abroad or prevented from "
                                        "seeking help again."
                                    ),
                                },
                                {
                                    "text": (
                                        "A 15-year-old's parents ask for six weeks' leave so she can visit relatives "
                                        "abroad. Her older sister married at 16. She seems withdrawn and anxious. "
                                        "Which of these are possible warning signs? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "A request for extended leave to travel abroad", "correct": True},
                                        {"text": "Withdrawal and anxiety", "correct": True},
                                        {"text": "An older sibling who was married young", "correct": True},
                                        {"text": "Her good attendance record until now", "correct": False},
                                    ],
                                    "feedback": (
                                        "Extended travel abroad, a sibling's early marriage and changes in mood "
                                        "together suggest a possible forced marriage risk that needs a safeguarding "
                                        "response."
                                    ),
                                },
                                {
                                    "text": (
                                        "A victim of HBA scores 8 on the Dash checklist, but says her father and "
                                        "uncles have threatened to kill her. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Wait until she scores 14", "correct": False},
                                        {
                                            "text": "Treat the risk as standard because the score is low",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Speak to her father to check whether the threat is real",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Use professional judgement: the number of perpetrators and the "
                                                "threats may make the risk high, so refer to MARAC and the police"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "The checklist can under-score HBA risk. Professional judgement and "
                                        "specialist advice are essential, and the family must never be approached."
                                    ),
                                },
                                {
                                    "text": ("Why might a victim of HBA remain at risk after moving to another town?"),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Family and community networks can be used to trace them",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Because the police cannot help in a different area",
                                            "correct": False,
                                        },
                                        {"text": "Because moving is never helpful", "correct": False},
                                        {"text": "Because the risk only comes from a partner", "correct": False},
                                    ],
                                    "feedback": (
                                        "Several perpetrators and wide community networks mean that information about "
                                        "a victim can travel far. Safety plans and information security need to "
                                        "reflect this."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "responding-to-hba",
                "title": "Responding safely to honour-based abuse",
                "body": [
                    ("heading", "What to do"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li>See the person <b>alone</b>, in a safe, private place, and take what they say "
                            "seriously.</li>"
                            "<li>Use a professional interpreter who does not know the family or community; ask the "
                            "person whether they are comfortable with the interpreter.</li>"
                            "<li>Agree a safe way to contact them, such as a safe phone number and a code word to "
                            "check it is them, and what to do if contact is lost.</li>"
                            "<li>Record details that will help find them if they disappear: a recent photograph, "
                            "passport and travel details, descriptions, and names and addresses of relatives, here "
                            "and abroad.</li>"
                            "<li>Refer to the police. Where there is a risk of a forced marriage or being taken "
                            "abroad, contact the <b>Forced Marriage Unit</b> (020 7008 0151) as well.</li>"
                            "<li>Follow safeguarding procedures for children and for adults at risk, and refer to "
                            "MARAC where the risk is high.</li>"
                            "<li>Get advice from specialist services such as <b>Karma Nirvana</b> (0800 5999 "
                            "247).</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "What not to do",
                            "text": (
                                "<ul>"
                                "<li>Do not contact or inform the family, friends or community leaders, or let anyone "
                                "know the person has asked for help.</li>"
                                "<li>Do not attempt mediation, family group conferences or reconciliation. These have "
                                "led to victims being harmed or killed.</li>"
                                "<li>Do not send the person home, or away, without a safety plan.</li>"
                                "<li>Do not use family, friends or community members as interpreters.</li>"
                                "<li>Do not share information with anyone who does not need to know it.</li></ul>"
                            ),
                        },
                    ),
                    ("heading", "Protecting information"),
                    (
                        "paragraph",
                        (
                            "<p>Information about the victim must be kept secure. Restrict access to records, and be "
                            "aware that people connected to the family, including staff in your own or other "
                            "organisations, may be asked to pass on information. Never confirm a victim's whereabouts "
                            "to callers or visitors, including people who say they are relatives, friends or "
                            "professionals. Where a victim moves, consider how their new details are recorded and who "
                            "can see them.</p>"
                        ),
                    ),
                    ("heading", "Thinking about others at risk"),
                    (
                        "paragraph",
                        (
                            "<p>Where one family member is at risk, others may be too, especially younger siblings. "
                            "Consider their safety in your safeguarding response and your referral. Think also about "
                            "victims who are LGBT+ or disabled, who may face particular pressures and may need "
                            "specialist support.</p>"
                            "<p>Remember that a victim may love their family and not want anyone prosecuted. Respect "
                            "their wishes where you can, but explain that you must act to protect them or others from "
                            "serious harm, and that the law is there to protect them.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "A girl tells her teacher she fears her family will harm her because of a "
                                        "relationship. Which of these should the school do? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": (
                                                "Follow child safeguarding procedures and refer to children's social "
                                                "care and the police"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Invite her parents in to discuss the concerns", "correct": False},
                                        {"text": "Keep the information secure and restricted", "correct": True},
                                        {"text": "Agree a safe way to contact her", "correct": True},
                                    ],
                                    "feedback": (
                                        "Never inform the family. Safeguarding referral, safe contact and secure "
                                        "information are all essential."
                                    ),
                                },
                                {
                                    "text": "Why should mediation never be used in honour-based abuse cases?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Because victims always refuse it", "correct": False},
                                        {"text": "Because it is too expensive", "correct": False},
                                        {"text": "Because it takes too long", "correct": False},
                                        {
                                            "text": (
                                                "It can alert the family and has led to victims being seriously "
                                                "harmed or killed"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Involving the family alerts perpetrators and puts the victim under pressure. "
                                        "It is dangerous."
                                    ),
                                },
                                {
                                    "text": (
                                        "Who can you contact for advice when someone may be forced into marriage or "
                                        "taken abroad?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "The victim's local community leader", "correct": False},
                                        {"text": "The Forced Marriage Unit", "correct": True},
                                        {"text": "The victim's extended family", "correct": False},
                                        {
                                            "text": "The embassy of the country the family comes from",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "The Forced Marriage Unit, a joint Home Office and Foreign, Commonwealth and "
                                        "Development Office unit, advises professionals and victims, including "
                                        "British nationals overseas."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which information may help the police if a victim disappears or is taken "
                                        "abroad?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "A recent photograph and passport details", "correct": True},
                                        {"text": "Only their first name", "correct": False},
                                        {
                                            "text": "Nothing; it is safer to keep no personal details on record",
                                            "correct": False,
                                        },
                                        {"text": "Only the name of their school or workplace", "correct": False},
                                    ],
                                    "feedback": (
                                        "A photograph, passport and travel details and relatives' addresses can be "
                                        "vital in tracing a victim."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "forced-marriage-and-fgm",
        "title": "Forced marriage and female genital mutilation",
        "summary": (
            "Recognise and respond to forced marriage and female genital mutilation (FGM): the law, including the "
            "minimum marriage age of 18 and the FGM mandatory reporting duty, warning signs and safe referral."
        ),
        "topics": ["forced_marriage", "fgm", "honour_based_abuse"],
        "level": "practitioner",
        "delivery": "elearning",
        "duration_minutes": 150,
        "cpd_hours": "2.5",
        "learning_outcomes": [
            (
                "Distinguish forced marriage from arranged marriage and explain the law, including the minimum "
                "marriage age of 18"
            ),
            "Recognise the warning signs of forced marriage and respond using the 'one chance' rule",
            (
                "Describe female genital mutilation, its consequences and the offences under the Female Genital "
                "Mutilation Act 2003"
            ),
            "Apply the FGM mandatory reporting duty for regulated professionals and safeguard girls at risk",
            "Identify specialist sources of help, including the Forced Marriage Unit and Karma Nirvana",
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": False,
        "is_champion_training": False,
        "prerequisites": [],
        "modules": [
            {
                "slug": "understanding-forced-marriage",
                "title": "Understanding forced marriage",
                "body": [
                    ("heading", "Forced marriage is not arranged marriage"),
                    (
                        "paragraph",
                        (
                            "<p>A forced marriage is one in which one or both people do not consent, or cannot "
                            "consent, and pressure or abuse is used to make them marry. The pressure can be physical "
                            "(threats or violence), emotional and psychological (being made to feel that they are "
                            "bringing shame on the family), financial or sexual. Forced marriage is a form of "
                            "domestic abuse, of honour-based abuse and, where a child is involved, of child abuse.</p>"
                            "<p>In an <b>arranged marriage</b>, families take a leading role in choosing a partner, "
                            "but both people are free to choose whether to accept. Arranged marriage is legal and "
                            "common. The difference is consent: if either person cannot say no, it is forced.</p>"
                            "<p>Some people, including some people with learning disabilities, do not have the mental "
                            "capacity to consent to marriage. A marriage involving someone who lacks capacity is "
                            "treated as forced, whether or not pressure is used, and adult safeguarding procedures "
                            "apply.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                                "<p>The <b>Forced Marriage Unit</b> (020 7008 0151) and <b>Karma Nirvana</b> (0800 "
                                "5999 247) give confidential advice to people who are worried about being forced to "
                                "marry.</p>"
                            ),
                        },
                    ),
                    ("heading", "The law in England and Wales"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li><b>Forcing someone to marry</b> has been a criminal offence since 2014 (Anti-social "
                            "Behaviour, Crime and Policing Act 2014). This includes taking someone abroad, or "
                            "deceiving them into travelling, in order to force them to marry, and covers marriages "
                            "that are not legally binding, such as religious or cultural ceremonies.</li>"
                            "<li><b>Forced Marriage Protection Orders</b>, introduced by the Forced Marriage (Civil "
                            "Protection) Act 2007, can be made by the family court to protect someone at risk of "
                            "forced marriage or already in one. An order can, for example, require passports to be "
                            "surrendered or prevent someone being taken abroad. The person at risk, a local authority "
                            "or, with the court's permission, another person can apply. Breaching an order is a "
                            "criminal offence.</li>"
                            "<li>Under the <b>Marriage and Civil Partnership (Minimum Age) Act 2022</b>, in force "
                            "since February 2023, nobody under 18 can marry or form a civil partnership in England "
                            "and Wales, even with parental consent. It is a criminal offence to do anything intended "
                            "to cause a child to marry, whether or not force or pressure is used and whether or not "
                            "the ceremony is legally binding.</li></ul>"
                        ),
                    ),
                    ("heading", "Warning signs"),
                    (
                        "paragraph",
                        (
                            "<p>Warning signs are often noticed first by schools, colleges, GPs and employers. They "
                            "include absence from school, a decline in performance or sudden withdrawal from "
                            "education; a request for extended leave or a trip abroad, especially before the summer "
                            "holidays; siblings who married young; a family history of honour-based abuse; "
                            "restrictions on going out; self-harm, depression or running away; and talk of an "
                            "engagement or of a marriage the person does not want. Any one sign may have another "
                            "explanation. Several together need a safeguarding response.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "What is the key difference between a forced marriage and an arranged marriage?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Whether the families were involved in choosing the partner",
                                            "correct": False,
                                        },
                                        {"text": "Whether the marriage is religious or civil", "correct": False},
                                        {"text": "Whether both people freely consent", "correct": True},
                                        {"text": "Whether the ceremony takes place abroad", "correct": False},
                                    ],
                                    "feedback": (
                                        "Families can be involved in an arranged marriage, but both people must be "
                                        "free to say no."
                                    ),
                                },
                                {
                                    "text": (
                                        "Since February 2023, what is the minimum age for marriage in England and "
                                        "Wales?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "17, with parental consent", "correct": False},
                                        {"text": "16, with parental consent", "correct": False},
                                        {"text": "16, with no consent needed", "correct": False},
                                        {"text": "18, with no exception for parental consent", "correct": True},
                                    ],
                                    "feedback": (
                                        "The Marriage and Civil Partnership (Minimum Age) Act 2022 raised the minimum "
                                        "age to 18 and removed the parental consent exception."
                                    ),
                                },
                                {
                                    "text": (
                                        "A family arranges a religious ceremony, not legally registered, to marry "
                                        "their 16-year-old daughter, who says she is happy to go ahead. Which "
                                        "statement is correct?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "It is only an offence if violence is used", "correct": False},
                                        {
                                            "text": "It is legal because the ceremony is not registered",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "It is a criminal offence to cause a child to marry, even if the "
                                                "ceremony is not legally binding and she appears to agree"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "It is legal because she consents", "correct": False},
                                    ],
                                    "feedback": (
                                        "Under the 2022 Act, any conduct to cause a child to marry is an offence, "
                                        "with no need to prove coercion, including non-legally binding ceremonies."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these can be forms of pressure in a forced marriage? Tick all that "
                                        "apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Being told they will bring shame on the family", "correct": True},
                                        {
                                            "text": (
                                                "A family member suggesting a possible partner, which the person is "
                                                "free to refuse"
                                            ),
                                            "correct": False,
                                        },
                                        {"text": "Threats of violence", "correct": True},
                                        {"text": "Withholding money or documents", "correct": True},
                                    ],
                                    "feedback": (
                                        "Physical, emotional, financial and sexual pressure can all be used. A "
                                        "suggestion the person is free to refuse is part of an arranged marriage."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "responding-to-forced-marriage",
                "title": "Responding to forced marriage",
                "body": [
                    ("heading", "One chance"),
                    (
                        "paragraph",
                        (
                            "<p>As with all honour-based abuse, you may have only one chance to help someone at risk "
                            "of forced marriage. If they leave without help, they may be taken abroad or prevented "
                            "from contacting anyone again. Act on what you are told straight away.</p>"
                        ),
                    ),
                    ("heading", "What to do"),
                    (
                        "paragraph",
                        (
                            "<ol>"
                            "<li>See the person alone, in a private place, with a professional interpreter if needed "
                            "who does not know the family.</li>"
                            "<li>Reassure them about confidentiality, while explaining that you will need to share "
                            "information to protect them.</li>"
                            "<li>Establish whether there is an immediate risk, and call 999 if there is.</li>"
                            "<li>For a child, follow child safeguarding procedures and refer to children's social "
                            "care and the police. For an adult, refer to the police and, where they have care and "
                            "support needs or may lack capacity, to adult safeguarding.</li>"
                            "<li>Contact the <b>Forced Marriage Unit</b> for advice, particularly if there are plans "
                            "to travel.</li>"
                            "<li>Agree a safe way of staying in touch and a code word, and record details that would "
                            "help find them if they go missing: a recent photograph, passport details, travel plans "
                            "and the addresses of relatives here and abroad.</li>"
                            "<li>Consider a Forced Marriage Protection Order. Local authorities can apply without the "
                            "court's permission.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "heading": "Never",
                            "text": (
                                "<ul>"
                                "<li>approach or inform the family or community, or share information with them</li>"
                                "<li>attempt mediation, reconciliation or family counselling</li>"
                                "<li>send the person back to the family home against their wishes, or without a "
                                "safety plan</li>"
                                "<li>use family members, friends or community members as interpreters</li></ul>"
                            ),
                        },
                    ),
                    ("heading", "The Forced Marriage Unit"),
                    (
                        "paragraph",
                        (
                            "<p>The Forced Marriage Unit is a joint unit of the Home Office and the Foreign, "
                            "Commonwealth and Development Office. It gives advice and support to victims and to "
                            "professionals handling cases, and can help British nationals overseas who are being "
                            "forced to marry, including, in some cases, helping them return to the UK. Its public "
                            "helpline is 020 7008 0151. Multi-agency statutory guidance on forced marriage sets out "
                            "what each agency should do.</p>"
                        ),
                    ),
                    ("heading", "Someone who is already married"),
                    (
                        "paragraph",
                        (
                            "<p>Some people come for help after a forced marriage has taken place. They may be "
                            "experiencing domestic abuse, including rape, from their spouse and in-laws, and may have "
                            "insecure immigration status. Treat this as domestic abuse: assess risk with the Dash "
                            "checklist, refer to specialist services and the police, and think about their children. "
                            "A forced marriage may be annulled, and a protection order can still be made.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "A 17-year-old tells a college tutor she is being taken abroad next week to "
                                        "be married. What should the tutor do first?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Act straight away under child safeguarding procedures, involving the "
                                                "police and children's social care"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Suggest she talks it over with her family", "correct": False},
                                        {
                                            "text": "Wait until she returns to see whether the marriage happened",
                                            "correct": False,
                                        },
                                        {"text": "Phone her parents to find out more", "correct": False},
                                    ],
                                    "feedback": (
                                        "This is a child at risk of significant harm and a crime. Act immediately; "
                                        "never contact the family."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these could help if a person at risk is taken abroad? Tick all that "
                                        "apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "A recent photograph", "correct": True},
                                        {"text": "Addresses of relatives abroad", "correct": True},
                                        {
                                            "text": "A note of which community leader has been told",
                                            "correct": False,
                                        },
                                        {"text": "Passport details", "correct": True},
                                    ],
                                    "feedback": (
                                        "These details help the police and the Forced Marriage Unit trace someone. "
                                        "Community leaders should not be told."
                                    ),
                                },
                                {
                                    "text": (
                                        "Who can apply for a Forced Marriage Protection Order without the court's "
                                        "permission?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Only the police", "correct": False},
                                        {"text": "The person at risk, or a local authority", "correct": True},
                                        {"text": "Only the person's parents", "correct": False},
                                        {"text": "Only a community or faith leader", "correct": False},
                                    ],
                                    "feedback": (
                                        "The person at risk and local authorities can apply as of right; others need "
                                        "the court's permission."
                                    ),
                                },
                                {
                                    "text": (
                                        "Why are family counselling and mediation not used in forced marriage cases?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Because they take too long to arrange", "correct": False},
                                        {"text": "Because they are only for divorce cases", "correct": False},
                                        {
                                            "text": "They alert the family and put the victim at greater risk",
                                            "correct": True,
                                        },
                                        {"text": "Because families never agree to them", "correct": False},
                                    ],
                                    "feedback": (
                                        "Involving the family can lead to the person being moved, taken abroad or "
                                        "harmed."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "understanding-fgm",
                "title": "Understanding female genital mutilation",
                "body": [
                    ("heading", "What FGM is"),
                    (
                        "paragraph",
                        (
                            "<p>The World Health Organization defines female genital mutilation (FGM) as all "
                            "procedures involving partial or total removal of the external female genitalia, or other "
                            "injury to the female genital organs, for non-medical reasons. The WHO groups FGM into "
                            "four types. FGM has no health benefits. It is a form of child abuse and violence against "
                            "women and girls, and it is illegal in the UK.</p>"
                            "<p>Communities may use other words for FGM, such as 'cutting' or 'sunna'. Use language "
                            "the person understands, and be sensitive: many women who have had FGM do not think of "
                            "themselves as mutilated, and they love the parents who arranged it.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                            ),
                        },
                    ),
                    ("heading", "Where and when it happens"),
                    (
                        "paragraph",
                        (
                            "<p>FGM is practised in communities from many countries in Africa, the Middle East and "
                            "Asia, and in those communities around the world, including in the UK. It is not required "
                            "by any religion. Families may believe it is necessary for a girl to be accepted, to be "
                            "marriageable or to preserve her purity. It is usually carried out on girls between "
                            "infancy and 15, often before puberty, and sometimes during a visit abroad in the school "
                            "holidays.</p>"
                        ),
                    ),
                    ("heading", "Consequences"),
                    (
                        "paragraph",
                        (
                            "<p>FGM can cause severe pain, bleeding, infection and, sometimes, death at the time. "
                            "Longer-term consequences can include problems passing urine and with periods, repeated "
                            "infections, pain, difficulties in pregnancy and childbirth, and psychological harm, "
                            "including post-traumatic stress. Specialist NHS services can help women and girls who "
                            "have had FGM, including with reversal (de-infibulation) where appropriate.</p>"
                        ),
                    ),
                    ("heading", "The law"),
                    (
                        "paragraph",
                        (
                            "<p>The <b>Female Genital Mutilation Act 2003</b>, amended by the Serious Crime Act 2015, "
                            "makes it an offence in England, Wales and Northern Ireland:</p>"
                            "<ul>"
                            "<li>to carry out FGM, or to assist a girl to carry out FGM on herself</li>"
                            "<li>to assist anyone to carry out FGM abroad on a UK national or resident; taking a girl "
                            "abroad for FGM is also an offence</li>"
                            "<li>for a person responsible for a girl under 16 to fail to protect her from "
                            "FGM</li></ul>"
                            "<p>The maximum sentence for carrying out FGM is 14 years' imprisonment. Culture, custom "
                            "or the girl's consent is no defence. Victims have lifelong anonymity. The courts can "
                            "make an <b>FGM Protection Order</b> to protect a girl or woman at risk, for example by "
                            "requiring passports to be surrendered; breaching an order is a criminal offence.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Which statement about FGM is correct?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "It has no health benefits and is illegal in the UK",
                                            "correct": True,
                                        },
                                        {"text": "It is required by some religions", "correct": False},
                                        {
                                            "text": "It is legal if the girl or her parents consent",
                                            "correct": False,
                                        },
                                        {"text": "It is legal if carried out by a doctor", "correct": False},
                                    ],
                                    "feedback": (
                                        "FGM has no health benefits, no religion requires it, and neither consent nor "
                                        "custom is a defence."
                                    ),
                                },
                                {
                                    "text": (
                                        "A family who live in the UK plan to take their daughter abroad for FGM "
                                        "during the summer. Is this an offence under UK law?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "No: it is not an offence if it happens abroad", "correct": False},
                                        {
                                            "text": (
                                                "Yes: the Act covers FGM carried out abroad on UK nationals or "
                                                "residents, and taking a girl abroad for it"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "No: it is only an offence in the UK", "correct": False},
                                        {"text": "Only if the girl is a British citizen", "correct": False},
                                    ],
                                    "feedback": (
                                        "The law applies to UK nationals and residents, wherever the FGM takes place."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these are possible long-term consequences of FGM? Tick all that "
                                        "apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Psychological harm such as post-traumatic stress",
                                            "correct": True,
                                        },
                                        {"text": "Repeated infections", "correct": True},
                                        {"text": "Difficulties in childbirth", "correct": True},
                                        {"text": "Improved health in later life", "correct": False},
                                    ],
                                    "feedback": (
                                        "FGM can cause lasting physical and psychological harm and has no health "
                                        "benefits."
                                    ),
                                },
                                {
                                    "text": "What can an FGM Protection Order do?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Give the family time to decide", "correct": False},
                                        {
                                            "text": "Allow FGM to be carried out safely by a medical professional",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Protect a girl or woman at risk, for example by requiring passports "
                                                "to be surrendered"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Only punish someone after FGM has happened", "correct": False},
                                    ],
                                    "feedback": (
                                        "FGM Protection Orders are preventive, and breaching one is a criminal offence."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "fgm-mandatory-reporting-and-safeguarding",
                "title": "FGM: the mandatory reporting duty and safeguarding",
                "body": [
                    ("heading", "The mandatory reporting duty"),
                    (
                        "paragraph",
                        (
                            "<p>Since October 2015, regulated health and social care professionals and teachers in "
                            "England and Wales have had a personal, legal duty to report 'known' cases of FGM in "
                            "girls under 18 to the police. The duty applies where, in the course of their work:</p>"
                            "<ul>"
                            "<li>a girl under 18 tells them that FGM has been carried out on her, or</li>"
                            "<li>they observe physical signs that appear to show that FGM has been carried out on a "
                            "girl under 18, and they have no reason to believe that it was a necessary surgical "
                            "operation for her physical or mental health or connected with labour or birth</li></ul>"
                            "<p>'Regulated professionals' include doctors, nurses, midwives and other registered "
                            "health professionals, social workers, and teachers. The duty is personal: it cannot be "
                            "passed to someone else, such as a designated safeguarding lead, although you should also "
                            "tell them and follow your safeguarding procedures.</p>"
                        ),
                    ),
                    ("heading", "How to report"),
                    (
                        "paragraph",
                        (
                            "<p>Report by calling the police on 101 (or 999 if the girl is in immediate danger). "
                            "Reports should be made as soon as possible, and best practice is by the close of the "
                            "next working day. Keep a record of the call, including the police reference number, what "
                            "you were told or saw, and your decisions. Teachers and other staff who are not health "
                            "professionals should never examine a girl; the duty covers what they are told or see in "
                            "the normal course of their work.</p>"
                            "<p>Failing to comply with the duty is dealt with through the professional's employer and "
                            "regulator.</p>"
                        ),
                    ),
                    ("heading", "When the duty does not apply"),
                    (
                        "paragraph",
                        (
                            "<p>The mandatory duty applies only to known cases in girls under 18. It does not replace "
                            "your wider safeguarding responsibilities:</p>"
                            "<ul>"
                            "<li><b>A girl at risk</b> of FGM: make a referral to children's social care and, where "
                            "there is immediate risk, the police, under local safeguarding procedures. An FGM "
                            "Protection Order may be needed.</li>"
                            "<li><b>A woman aged 18 or over</b> who has had FGM: there is no mandatory report, but "
                            "consider whether any girls in the family are at risk, and refer if they are. Health "
                            "professionals must record FGM in her health record and follow NHS data requirements. "
                            "Offer specialist support, and follow adult safeguarding procedures if she is at "
                            "risk.</li>"
                            "<li><b>Suspected</b> but not known FGM in a girl: follow your safeguarding "
                            "procedures.</li></ul>"
                        ),
                    ),
                    ("heading", "Talking to families"),
                    (
                        "paragraph",
                        (
                            "<p>Be sensitive and non-judgemental, and explain clearly that FGM is illegal in the UK "
                            "and harmful. The government's <b>Statement opposing FGM</b>, sometimes called the "
                            "'health passport', sets out the law in a form families can carry when travelling, to "
                            "help them resist pressure from relatives abroad. The NSPCC helpline (0808 800 5000) "
                            "advises adults concerned about a child, and Childline (0800 1111) supports children and "
                            "young people.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "A 14-year-old tells her teacher she had FGM when she was younger. What must "
                                        "the teacher do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Tell the designated safeguarding lead, who makes the report instead"
                                            ),
                                            "correct": False,
                                        },
                                        {"text": "Speak to her parents first", "correct": False},
                                        {"text": "Examine the girl to confirm it", "correct": False},
                                        {
                                            "text": (
                                                "Report it personally to the police, usually by calling 101, and also "
                                                "tell the designated safeguarding lead"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "This is a known case in a girl under 18. The teacher has a personal duty to "
                                        "report to the police, alongside the school's safeguarding procedures."
                                    ),
                                },
                                {
                                    "text": (
                                        "A midwife cares for a 25-year-old woman who had FGM as a child. She has a "
                                        "baby daughter. Which statement is correct?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "The midwife should tell the family the baby will be removed",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "There is no mandatory report for the woman, but the midwife must "
                                                "record it and assess any risk to the daughter under safeguarding "
                                                "procedures"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": (
                                                "The midwife must report the woman to the police under the mandatory "
                                                "duty"
                                            ),
                                            "correct": False,
                                        },
                                        {
                                            "text": "No action is needed because the woman is an adult",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "The duty covers girls under 18. For adult women, record the FGM, offer "
                                        "support and consider safeguarding for girls in the family."
                                    ),
                                },
                                {
                                    "text": (
                                        "Who does the FGM mandatory reporting duty apply to? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Social workers", "correct": True},
                                        {"text": "Members of the public", "correct": False},
                                        {"text": "Registered nurses and midwives", "correct": True},
                                        {"text": "Teachers", "correct": True},
                                    ],
                                    "feedback": (
                                        "The duty applies to regulated health and social care professionals and "
                                        "teachers. Anyone else who is concerned should still report through "
                                        "safeguarding routes or to the police."
                                    ),
                                },
                                {
                                    "text": (
                                        "A school is worried that a 9-year-old may be taken abroad for FGM this "
                                        "summer. What should happen?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "A mandatory report under the FGM duty, as for a known case",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "A child safeguarding referral to children's social care and the "
                                                "police, with an FGM Protection Order considered"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Nothing until the girl returns", "correct": False},
                                        {
                                            "text": "A letter to the family asking about their plans",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Girls at risk are protected through safeguarding procedures. The mandatory "
                                        "duty applies to known cases."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "child-to-parent-violence-and-abuse",
        "title": "Child to parent violence and abuse (CAPVA)",
        "summary": (
            "Recognise and respond to violence and abuse by children and young people towards their parents or "
            "carers, without blame, keeping the safety of every family member and the child's own needs in view."
        ),
        "topics": ["domestic_abuse"],
        "level": "practitioner",
        "delivery": "elearning",
        "duration_minutes": 90,
        "cpd_hours": "1.5",
        "learning_outcomes": [
            (
                "Describe child to parent violence and abuse and how it relates to the statutory definition of "
                "domestic abuse"
            ),
            "Recognise the barriers that stop parents and carers seeking help",
            "Identify factors that may lie behind a child's harmful behaviour without excusing it",
            (
                "Respond to a family safely, assessing risk to parents, siblings and the child, and refer to suitable "
                "support"
            ),
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": False,
        "is_champion_training": False,
        "prerequisites": ["domestic-abuse-awareness"],
        "modules": [
            {
                "slug": "understanding-capva",
                "title": "Understanding child to parent violence and abuse",
                "body": [
                    ("heading", "What CAPVA is"),
                    (
                        "paragraph",
                        (
                            "<p>Child to parent violence and abuse (CAPVA), also called adolescent to parent violence "
                            "and abuse (APVA), describes a pattern of behaviour by a child or young person that uses "
                            "violence, threats, intimidation or control to dominate a parent or carer. It can be "
                            "physical (hitting, kicking, pushing, throwing things), emotional (threats, insults, "
                            "humiliation), economic (taking or demanding money, damaging property) or controlling "
                            "(dictating what happens at home, threatening to harm themselves or others if they do not "
                            "get their way). Grandparents, kinship carers, foster carers, adoptive parents and "
                            "siblings can also be harmed.</p>"
                            "<p>It is not the same as ordinary teenage conflict. All families argue, and children "
                            "push boundaries. The difference is a pattern in which a parent or carer feels afraid of "
                            "their child and changes what they do to avoid the child's reaction.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                                "<p>If you are a parent or carer experiencing this yourself, you are not to blame and "
                                "you do not have to cope alone. The helplines on the Get help now page, including the "
                                "Men's Advice Line for fathers and male carers, can talk it through with you, and so "
                                "can your GP, your child's school or your local early help service.</p>"
                            ),
                        },
                    ),
                    ("heading", "CAPVA and the law"),
                    (
                        "paragraph",
                        (
                            "<p>Where the young person is <b>16 or over</b>, the behaviour falls within the statutory "
                            "definition of domestic abuse in the Domestic Abuse Act 2021, because parents and "
                            "children are relatives. Where the child is <b>under 16</b>, it is outside the statutory "
                            "definition, but it is still harmful and needs a response, usually through early help and "
                            "safeguarding. At any age, the child is a child first: a young person who is causing harm "
                            "may also be a child in need of help and protection.</p>"
                        ),
                    ),
                    ("heading", "What may lie behind the behaviour"),
                    (
                        "paragraph",
                        (
                            "<p>There is no single cause, and these factors explain rather than excuse. Behaviour may "
                            "be linked to:</p>"
                            "<ul>"
                            "<li>the child's own experience of domestic abuse, often between their parents, which "
                            "taught them that violence and control are how relationships work</li>"
                            "<li>other trauma, abuse or loss, including bereavement and experiences before adoption "
                            "or care</li>"
                            "<li>neurodivergence such as autism or ADHD, learning disabilities, or unmet "
                            "communication needs, where distress may come out as aggression</li>"
                            "<li>mental health difficulties and substance use</li>"
                            "<li>exploitation, including criminal exploitation, where the young person may be under "
                            "pressure from others</li></ul>"
                            "<p>Many families affected by CAPVA have no such history. Parents from every background "
                            "can experience it, and it is never a sign that they are 'bad parents'.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "What distinguishes CAPVA from ordinary teenage conflict?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Any argument about curfews or screen time", "correct": False},
                                        {
                                            "text": (
                                                "A pattern in which the parent is afraid of the child and changes "
                                                "their behaviour to avoid the child's reaction"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "The child refusing to do homework", "correct": False},
                                        {"text": "A single slammed door", "correct": False},
                                    ],
                                    "feedback": (
                                        "CAPVA is a pattern of power and control that causes fear, not the everyday "
                                        "conflict that every family experiences."
                                    ),
                                },
                                {
                                    "text": (
                                        "A 17-year-old regularly threatens and pushes his mother. Under the Domestic "
                                        "Abuse Act 2021:"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "This cannot be domestic abuse because he is under 18",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "This falls within the statutory definition of domestic abuse, "
                                                "because both are 16 or over and they are relatives"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "This cannot be domestic abuse because he is her son",
                                            "correct": False,
                                        },
                                        {
                                            "text": "This is only domestic abuse if he lives elsewhere",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "The statutory definition applies where both people are 16 or over and "
                                        "personally connected, which includes relatives."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these may lie behind a child's abusive behaviour? Tick all that "
                                        "apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "The child's own experience of domestic abuse", "correct": True},
                                        {"text": "Criminal exploitation by others", "correct": True},
                                        {"text": "The parent deserving it", "correct": False},
                                        {"text": "Unmet needs linked to autism or ADHD", "correct": True},
                                    ],
                                    "feedback": (
                                        "These factors can help explain behaviour and point to support. Parents are "
                                        "never to blame for abuse directed at them."
                                    ),
                                },
                                {
                                    "text": (
                                        "A 12-year-old is violent towards his grandmother, his kinship carer. How "
                                        "should this be responded to?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "It should be ignored because he is under 16", "correct": False},
                                        {"text": "Only the police can respond", "correct": False},
                                        {
                                            "text": (
                                                "Through early help and safeguarding: it is outside the statutory "
                                                "definition because he is under 16, but it is still harmful and needs "
                                                "a response"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "It is not abuse because she is not his parent", "correct": False},
                                    ],
                                    "feedback": (
                                        "Under-16s fall outside the statutory definition, but the behaviour still "
                                        "needs a safeguarding response, and the child may need help too."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "barriers-and-recognition",
                "title": "Why parents do not ask for help, and how to notice",
                "body": [
                    ("heading", "Barriers to asking for help"),
                    (
                        "paragraph",
                        (
                            "<p>Parents and carers often live with CAPVA for a long time before telling anyone. They "
                            "may:</p>"
                            "<ul>"
                            "<li>feel ashamed, or fear being judged as a bad parent</li>"
                            "<li>fear that their child will be taken into care, excluded from school or given a "
                            "criminal record</li>"
                            "<li>love their child and want to protect them, and feel they should be able to cope</li>"
                            "<li>have been told before that it is 'just a phase' or that they need to be firmer</li>"
                            "<li>be isolated, because friends and family have withdrawn or the child controls "
                            "contact</li>"
                            "<li>find that services for domestic abuse do not recognise them, while services for "
                            "children do not ask about their safety</li></ul>"
                        ),
                    ),
                    ("heading", "Noticing the signs"),
                    (
                        "paragraph",
                        (
                            "<p>You might notice a parent who is exhausted, anxious or tearful, who has injuries, or "
                            "who seems to give in to everything the child wants. Damage to the home, locks on "
                            "internal doors, a parent who hides money or valuables, or younger siblings who are "
                            "frightened can all be signs. In school, a child may be described as 'fine here but a "
                            "nightmare at home'. Ask parents directly and kindly: 'Some parents tell us that they "
                            "feel frightened of their child's behaviour. Does that happen for you?'</p>"
                        ),
                    ),
                    ("heading", "Thinking about the whole family"),
                    (
                        "paragraph",
                        (
                            "<p>CAPVA affects everyone in the household. Brothers and sisters may be hurt, "
                            "frightened, or copying the behaviour. A parent may also be experiencing domestic abuse "
                            "from a partner or former partner, and the child may be repeating the abuser's behaviour "
                            "or acting on their behalf. Ask about other adults, past and present, and think about "
                            "risks both inside and outside the home.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "heading": "Language matters",
                            "text": (
                                "<p>Talk about the behaviour, not the child: 'the violence at home' rather than 'your "
                                "violent son'. Parents are more likely to accept help when they do not feel that "
                                "their child is being labelled, and children are more likely to change when they are "
                                "not defined by what they have done.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 66,
                            "questions": [
                                {
                                    "text": (
                                        "Which of these are common reasons why parents do not report CAPVA? Tick all "
                                        "that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Fear that their child will be criminalised or taken into care",
                                            "correct": True,
                                        },
                                        {"text": "Because CAPVA never causes real harm", "correct": False},
                                        {"text": "Being told before that it is 'just a phase'", "correct": True},
                                        {"text": "Shame and fear of being judged", "correct": True},
                                    ],
                                    "feedback": (
                                        "Shame, fear of consequences for the child and poor earlier responses all "
                                        "stop parents asking for help."
                                    ),
                                },
                                {
                                    "text": (
                                        "A mother seems exhausted and has bruising, and says her son is 'fine at "
                                        "school'. Which is the best way to ask?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "'Are you sure it isn't your parenting?'", "correct": False},
                                        {"text": "'Boys will be boys, won't they?'", "correct": False},
                                        {"text": "'Have you tried being stricter with him?'", "correct": False},
                                        {
                                            "text": (
                                                "'Some parents tell us they feel frightened of their child's "
                                                "behaviour. Does that happen for you?'"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "A normalising, non-judgemental question gives permission to talk without "
                                        "blame."
                                    ),
                                },
                                {
                                    "text": "Why should you ask about other adults in the child's life?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "It is not relevant to CAPVA", "correct": False},
                                        {"text": "To find someone else to blame", "correct": False},
                                        {"text": "Because only adults can be abusive", "correct": False},
                                        {
                                            "text": (
                                                "The parent may also be experiencing domestic abuse from a partner or "
                                                "ex-partner, and the child may be affected by or copying that abuse"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "CAPVA often occurs alongside, or after, domestic abuse between adults. A "
                                        "whole-family view shows the full picture of risk."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "responding-to-capva",
                "title": "Responding to child to parent violence and abuse",
                "body": [
                    ("heading", "Safety first"),
                    (
                        "paragraph",
                        (
                            "<p>Assess the risk to the parent, to siblings and to the young person themselves. Ask "
                            "about the frequency and severity of violence, injuries, use of weapons, threats, "
                            "self-harm and any escalation. The Dash checklist was designed for partner abuse; follow "
                            "local guidance on whether to use it, or another tool, for family abuse, and use "
                            "professional judgement. Where a young person aged 16 or over poses a high risk, a MARAC "
                            "referral may be appropriate.</p>"
                            "<p>Help the parent to plan for safety: what they will do when things escalate, where "
                            "they and other children can go, how to remove or lock away things that could be used as "
                            "weapons, and when to call the police. Calling 999 in an emergency is the right thing to "
                            "do, and the police response to a child should take account of their age and needs.</p>"
                        ),
                    ),
                    ("heading", "Safeguarding"),
                    (
                        "paragraph",
                        (
                            "<p>Make a referral to children's social care or early help, following local procedures, "
                            "where the young person or a sibling may be at risk of harm. Consider exploitation, "
                            "self-harm and whether the young person has been harmed themselves. If the parent or "
                            "carer has care and support needs, consider adult safeguarding. Record what you are told "
                            "carefully and without labelling.</p>"
                        ),
                    ),
                    ("heading", "Support that works"),
                    (
                        "paragraph",
                        (
                            "<p>Responses that work with the whole family, and that build the parent's confidence "
                            "while helping the young person take responsibility for change, tend to be most "
                            "effective. Examples include programmes such as the Respect Young People's Programme, and "
                            "approaches based on non-violent resistance (NVR), which help parents de-escalate, stay "
                            "connected and resist the abuse without using force. Therapeutic support, support for "
                            "neurodivergent young people, mental health services and youth services may all have a "
                            "part to play. Parents also value peer support from others who have been through the same "
                            "thing.</p>"
                        ),
                    ),
                    ("heading", "What not to do"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li>Do not blame the parent, or suggest they simply need to be firmer.</li>"
                            "<li>Do not treat the behaviour as a phase that will pass on its own.</li>"
                            "<li>Do not see the young person only as a perpetrator: they are still a child with "
                            "needs.</li>"
                            "<li>Do not assume the parent can keep others safe without help.</li></ul>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Which statement about using the Dash checklist for CAPVA is correct?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "It must never be used for any family abuse", "correct": False},
                                        {
                                            "text": (
                                                "It was designed for partner abuse, so follow local guidance and use "
                                                "professional judgement"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "A score of 14 is needed before any help is offered",
                                            "correct": False,
                                        },
                                        {
                                            "text": "It is the only tool needed for children under 16",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Follow local guidance on risk tools for family abuse, and rely on "
                                        "professional judgement."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these can help a parent experiencing CAPVA? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Peer support from other parents", "correct": True},
                                        {"text": "Approaches based on non-violent resistance", "correct": True},
                                        {
                                            "text": "Being told to use physical force to regain control",
                                            "correct": False,
                                        },
                                        {"text": "A safety plan for the parent and siblings", "correct": True},
                                    ],
                                    "feedback": (
                                        "Non-violent approaches, safety planning and peer support help. Force can "
                                        "escalate violence and cause harm."
                                    ),
                                },
                                {
                                    "text": (
                                        "A parent is afraid to call the police when her 15-year-old becomes violent. "
                                        "What is the most helpful advice?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "She should lock herself out of the house", "correct": False},
                                        {
                                            "text": "She should never call the police about her own child",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "In an emergency, calling 999 is the right thing to do, and it can be "
                                                "part of her safety plan"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "She should wait until the child turns 16", "correct": False},
                                    ],
                                    "feedback": (
                                        "Safety comes first. Planning for when to call the police helps parents act "
                                        "when they need to."
                                    ),
                                },
                                {
                                    "text": "How should the young person who is causing harm be seen?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Only as a perpetrator", "correct": False},
                                        {
                                            "text": (
                                                "As responsible for their behaviour, and as a child who may need help "
                                                "and protection"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "As someone whose behaviour will pass with time",
                                            "correct": False,
                                        },
                                        {"text": "Only as a victim, with no responsibility", "correct": False},
                                    ],
                                    "feedback": (
                                        "A good response holds the young person to account while recognising their "
                                        "needs and any harm they have experienced."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "sexual-violence-responding-to-disclosures",
        "title": "Sexual violence: responding to disclosures",
        "summary": (
            "Understand sexual violence and consent, how trauma affects survivors, and how to respond to a disclosure "
            "in a trauma-informed way, including referral to Sexual Assault Referral Centres, ISVAs and Rape Crisis."
        ),
        "topics": ["sexual_violence", "domestic_abuse"],
        "level": "practitioner",
        "delivery": "elearning",
        "duration_minutes": 120,
        "cpd_hours": "2.0",
        "learning_outcomes": [
            "Explain what sexual violence is and the legal meaning of consent in England and Wales",
            "Recognise common myths about sexual violence and how they affect survivors",
            "Describe how trauma can affect a survivor's responses, memory and disclosure",
            "Respond to a disclosure in a calm, believing and trauma-informed way",
            "Explain a survivor's options, including SARCs, ISVAs, Rape Crisis and reporting to the police",
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": False,
        "is_champion_training": False,
        "prerequisites": [],
        "modules": [
            {
                "slug": "understanding-sexual-violence",
                "title": "Understanding sexual violence and consent",
                "body": [
                    ("heading", "What sexual violence is"),
                    (
                        "paragraph",
                        (
                            "<p>Sexual violence is any unwanted sexual act or activity. It includes rape, sexual "
                            "assault, sexual abuse in childhood, sexual harassment, sexual exploitation, and "
                            "image-based abuse such as sharing, or threatening to share, intimate images without "
                            "consent. It can be committed by strangers, but most survivors know the person who harmed "
                            "them: a partner or ex-partner, a family member, a friend, a colleague or an "
                            "acquaintance. Sexual violence within a relationship is also domestic abuse, and rape "
                            "within marriage has been a crime in England and Wales since 1991.</p>"
                            "<p>Anyone can experience sexual violence, whatever their age, gender, sexuality or "
                            "background. Women and girls are most often affected, and men and boys are also victims. "
                            "Disabled people and people who have experienced sexual abuse before may be at greater "
                            "risk.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                                "<p>The <b>Rape Crisis 24/7 Support Line</b> (0808 500 2222) is there for anyone aged "
                                "16 or over affected by sexual violence at any time in their life.</p>"
                            ),
                        },
                    ),
                    ("heading", "Consent"),
                    (
                        "paragraph",
                        (
                            "<p>Under the Sexual Offences Act 2003, a person consents if they agree by choice and "
                            "have the freedom and capacity to make that choice. This means:</p>"
                            "<ul>"
                            "<li>consent must be given freely, without pressure, threats, or fear</li>"
                            "<li>a person must have the capacity to consent: someone who is unconscious, asleep, or "
                            "very drunk or affected by drugs may not have it</li>"
                            "<li>consent to one act does not mean consent to another, and it can be withdrawn at any "
                            "time</li>"
                            "<li>being in a relationship, or having had sex before, is not consent</li>"
                            "<li>not fighting back or saying nothing is not consent</li></ul>"
                            "<p>Children under 13 cannot consent to any sexual activity in law. The age of consent is "
                            "16, and there are further offences to protect young people aged under 18 from people in "
                            "positions of trust.</p>"
                        ),
                    ),
                    ("heading", "Myths and their impact"),
                    (
                        "paragraph",
                        (
                            "<p>Myths about sexual violence shape how survivors are treated and whether they feel "
                            "able to tell anyone. Common myths include that rape is usually committed by strangers, "
                            "that 'real' victims fight back, report straight away and are visibly upset, that what "
                            "someone wore or drank makes them responsible, and that false allegations are common. In "
                            "reality, responsibility always lies with the person who chose to commit the offence, and "
                            "many survivors never report, or report long afterwards. Professionals are not immune to "
                            "these myths; noticing them in yourself is part of responding well.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Under the Sexual Offences Act 2003, a person consents if they:",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Have consented to sex with the same person before",
                                            "correct": False,
                                        },
                                        {"text": "Do not say no", "correct": False},
                                        {
                                            "text": (
                                                "Agree by choice and have the freedom and capacity to make that choice"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Are in a relationship with the other person", "correct": False},
                                    ],
                                    "feedback": (
                                        "Consent requires agreement by choice, with the freedom and capacity to "
                                        "choose. Silence, past consent or a relationship are not consent."
                                    ),
                                },
                                {
                                    "text": "Which of these are myths? Tick all that apply.",
                                    "multiple": True,
                                    "options": [
                                        {"text": "Genuine victims always fight back", "correct": True},
                                        {"text": "Most rapes are committed by strangers", "correct": True},
                                        {
                                            "text": "What someone was wearing makes them partly responsible",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Most survivors know the person who harmed them",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "The first three are myths. Most survivors know the person who harmed them, "
                                        "and responsibility lies only with the perpetrator."
                                    ),
                                },
                                {
                                    "text": "Is sexual violence within a marriage or relationship a crime?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Only if there are visible injuries", "correct": False},
                                        {"text": "Only if the couple have separated", "correct": False},
                                        {
                                            "text": (
                                                "Yes; rape within marriage has been a crime since 1991, and sexual "
                                                "violence by a partner is also domestic abuse"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "No; consent is implied by marriage", "correct": False},
                                    ],
                                    "feedback": (
                                        "A relationship never implies consent. Sexual violence by a partner is both a "
                                        "crime and domestic abuse."
                                    ),
                                },
                                {
                                    "text": (
                                        "A person was asleep when sexual activity began. Could they have consented?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Yes, if they were in a relationship", "correct": False},
                                        {"text": "Yes, if they did not object afterwards", "correct": False},
                                        {"text": "Yes, if they had been drinking together", "correct": False},
                                        {
                                            "text": (
                                                "No: a person who is asleep does not have the capacity to consent"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": "Someone who is asleep or unconscious cannot consent.",
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "trauma-and-disclosure",
                "title": "Trauma and how disclosures happen",
                "body": [
                    ("heading", "How people respond to sexual violence"),
                    (
                        "paragraph",
                        (
                            "<p>When someone is under threat, their body reacts automatically. As well as fight or "
                            "flight, people commonly <b>freeze</b> (become unable to move or speak), <b>flop</b> (go "
                            "limp or disconnect), or <b>befriend</b> (try to placate the person to reduce the harm). "
                            "These are survival responses, not choices, and they are very common in sexual violence. "
                            "Survivors often blame themselves for not fighting back; it helps to explain that "
                            "freezing is a normal, automatic response to danger, not a choice.</p>"
                        ),
                    ),
                    ("heading", "Trauma and memory"),
                    (
                        "paragraph",
                        (
                            "<p>Trauma affects how memories are stored and recalled. A survivor may remember some "
                            "details vividly, such as a smell or a sound, and others not at all; they may not be able "
                            "to give events in order, and their account may change as more comes back. This does not "
                            "mean they are lying. Afterwards, survivors may experience flashbacks, nightmares, "
                            "anxiety, low mood, shame, difficulty trusting people, self-harm or substance use. "
                            "Reactions vary widely, and a calm survivor is no less credible than a distressed one.</p>"
                        ),
                    ),
                    ("heading", "Why disclosures are often delayed"),
                    (
                        "paragraph",
                        (
                            "<p>Many survivors tell no one for a long time, and some never do. They may fear not "
                            "being believed, blame themselves, feel shame, fear the perpetrator or the effect on "
                            "family, not recognise what happened as rape, or not want to go through the criminal "
                            "justice process. A disclosure may come years later, and it may come in pieces: a hint, a "
                            "question about 'a friend', or a comment at the end of an appointment about something "
                            "else. The person may be testing how you react.</p>"
                        ),
                    ),
                    ("heading", "Trauma-informed practice"),
                    (
                        "paragraph",
                        (
                            "<p>Trauma-informed practice means recognising that trauma is common, understanding its "
                            "effects, and working in a way that avoids re-traumatising people. Widely used principles "
                            "are <b>safety</b>, <b>trustworthiness</b>, <b>choice</b>, <b>collaboration</b>, "
                            "<b>empowerment</b> and <b>cultural consideration</b>. In practice: explain what will "
                            "happen and why, offer choices wherever you can (including the gender of a worker or "
                            "whether someone is with them), avoid asking people to repeat their story unnecessarily, "
                            "and let them set the pace.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "A survivor says she 'just froze' and feels it was her fault. What is the "
                                        "most helpful response?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Suggest she should have shouted for help", "correct": False},
                                        {
                                            "text": (
                                                "Explain that freezing is a common, automatic survival response and "
                                                "that it was not her fault"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Ask why she did not try to get away", "correct": False},
                                        {"text": "Say nothing about it", "correct": False},
                                    ],
                                    "feedback": (
                                        "Freezing is an automatic response to threat. Explaining this can reduce "
                                        "self-blame."
                                    ),
                                },
                                {
                                    "text": (
                                        "A survivor's account is out of order and some details are missing. What does "
                                        "this most likely show?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "That nothing serious happened", "correct": False},
                                        {"text": "That she is lying", "correct": False},
                                        {"text": "The normal effect of trauma on memory", "correct": True},
                                        {"text": "That she has been coached", "correct": False},
                                    ],
                                    "feedback": (
                                        "Fragmented and non-linear memory is common after trauma and is not a sign of "
                                        "dishonesty."
                                    ),
                                },
                                {
                                    "text": ("Which are principles of trauma-informed practice? Tick all that apply."),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Safety", "correct": True},
                                        {"text": "Making decisions for the survivor", "correct": False},
                                        {"text": "Choice", "correct": True},
                                        {"text": "Collaboration", "correct": True},
                                    ],
                                    "feedback": (
                                        "Trauma-informed practice gives control back to the survivor through safety, "
                                        "choice and collaboration."
                                    ),
                                },
                                {
                                    "text": (
                                        "A patient mentions, as she is leaving, that 'something happened' at a party "
                                        "years ago. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Insist that she reports it to the police today",
                                            "correct": False,
                                        },
                                        {"text": "Ignore it, as the appointment is over", "correct": False},
                                        {
                                            "text": (
                                                "Gently acknowledge it and offer time, now or soon, to talk about it "
                                                "if she wants to"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Tell her it was too long ago to matter", "correct": False},
                                    ],
                                    "feedback": (
                                        "Disclosures are often partial and tentative. Acknowledge and offer a safe "
                                        "opportunity, letting her choose."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "responding-to-a-disclosure",
                "title": "Responding to a disclosure",
                "body": [
                    ("heading", "In the moment"),
                    (
                        "paragraph",
                        (
                            "<ol>"
                            "<li><b>Listen</b> calmly and give the person your full attention. Let them tell you in "
                            "their own words and at their own pace.</li>"
                            "<li><b>Believe them</b>, and tell them so: 'Thank you for telling me. I believe you. It "
                            "was not your fault.'</li>"
                            "<li><b>Do not investigate.</b> Ask only what you need to know to keep them and others "
                            "safe. Do not ask for details of the assault or ask leading questions; they may need to "
                            "give a full account to the police later.</li>"
                            "<li><b>Check immediate safety and health</b>: Are they safe now? Do they need medical "
                            "care? Is the perpetrator someone they live with or will see?</li>"
                            "<li><b>Be honest about confidentiality.</b> Never promise to keep a secret you cannot "
                            "keep.</li>"
                            "<li><b>Explain the options</b> and let them choose, unless there is a risk to a child or "
                            "a risk of serious harm that means you must act.</li></ol>"
                        ),
                    ),
                    ("heading", "The survivor's options"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li><b>Sexual Assault Referral Centres (SARCs)</b> offer free, confidential medical "
                            "care, emergency contraception, sexual health checks and forensic examination. Survivors "
                            "can self-refer without reporting to the police, and forensic evidence can often be "
                            "stored while they decide. Forensic evidence is time-sensitive, so it helps to contact a "
                            "SARC as soon as possible; the SARC will advise on what to keep.</li>"
                            "<li><b>Independent Sexual Violence Advisers (ISVAs)</b> give practical and emotional "
                            "support and information, and support survivors through the criminal justice process if "
                            "they report.</li>"
                            "<li><b>Rape Crisis</b> centres offer specialist support and counselling, whether or not "
                            "the person reports. The Rape Crisis 24/7 Support Line is 0808 500 2222.</li>"
                            "<li><b>Reporting to the police</b> is the survivor's choice (999 in an emergency, "
                            "otherwise 101). There is no time limit on reporting rape or other serious sexual "
                            "offences, and non-recent offences are investigated.</li></ul>"
                        ),
                    ),
                    ("heading", "When you must share information"),
                    (
                        "paragraph",
                        (
                            "<p>If the survivor is a child, or the disclosure suggests that a child or an adult at "
                            "risk is in danger, follow your safeguarding procedures; you cannot keep this "
                            "confidential, and you should explain why. If the allegation involves someone who works "
                            "with children, your designated safeguarding lead should inform the Local Authority "
                            "Designated Officer (LADO). If the perpetrator is a partner or family member, follow "
                            "domestic abuse procedures too, including a Dash risk assessment.</p>"
                        ),
                    ),
                    ("heading", "Recording"),
                    (
                        "paragraph",
                        (
                            "<p>Record the disclosure promptly and accurately, using the person's own words, with the "
                            "date, time and who was present, what you did and the options you discussed. Keep the "
                            "record factual and free of opinion, and store it securely. Records can be requested in "
                            "criminal proceedings, so write only what is necessary and accurate.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "heading": "Look after yourself",
                            "text": (
                                "<p>Hearing a disclosure can be upsetting, particularly if it resonates with your own "
                                "experience. Talk to your supervisor or safeguarding lead, without sharing more than "
                                "you need to, and use your organisation's support services.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "Which of these are good practice when someone discloses sexual violence? "
                                        "Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": ("Asking only what you need to know to keep them and others safe"),
                                            "correct": True,
                                        },
                                        {
                                            "text": "Being honest about the limits of confidentiality",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Asking detailed questions about exactly what happened",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Telling them you believe them and it was not their fault",
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Listening, believing and being honest help. Detailed questioning can "
                                        "re-traumatise and may affect a later police investigation."
                                    ),
                                },
                                {
                                    "text": (
                                        "An adult survivor wants medical care and a forensic examination but has not "
                                        "decided whether to report to the police. What can you tell her?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "She must report to the police before any forensic examination",
                                            "correct": False,
                                        },
                                        {
                                            "text": "She should wait until she has decided before seeking any care",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Forensic examinations are only available within one hour",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "A SARC can provide care and a forensic examination without a police "
                                                "report, and can often store evidence while she decides"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "SARCs accept self-referrals. Forensic evidence is time-sensitive, so it is "
                                        "best to contact a SARC as soon as possible."
                                    ),
                                },
                                {
                                    "text": (
                                        "A 15-year-old discloses sexual abuse and asks you not to tell anyone. What "
                                        "should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Ask her to write down every detail", "correct": False},
                                        {
                                            "text": "Promise to keep it secret so she keeps trusting you",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "Explain kindly that you cannot keep it secret because you need to "
                                                "keep her safe, and follow child safeguarding procedures"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Contact the alleged abuser to hear their side", "correct": False},
                                    ],
                                    "feedback": (
                                        "Never promise confidentiality you cannot keep. A child's disclosure must be "
                                        "acted on through safeguarding procedures."
                                    ),
                                },
                                {
                                    "text": "Is there a time limit on reporting rape to the police?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "No; rape and other serious sexual offences can be reported at any time"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Yes, seven years", "correct": False},
                                        {"text": "Yes, 72 hours", "correct": False},
                                        {"text": "Yes, one year", "correct": False},
                                    ],
                                    "feedback": (
                                        "There is no time limit on reporting rape, and non-recent offences are "
                                        "investigated."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "domestic-abuse-champion-training",
        "title": "Domestic Abuse Champion training",
        "summary": (
            "Prepares experienced practitioners to become Domestic Abuse Champions: advising colleagues, knowing "
            "local pathways, supporting staff affected by abuse, cascading awareness and joining the Champion Network."
        ),
        "topics": [
            "domestic_abuse",
            "sexual_violence",
            "stalking_harassment",
            "honour_based_abuse",
            "forced_marriage",
            "fgm",
        ],
        "level": "specialist",
        "delivery": "blended",
        "duration_minutes": 360,
        "cpd_hours": "6.0",
        "learning_outcomes": [
            (
                "Describe the role and boundaries of a Domestic Abuse Champion within their organisation and the "
                "partnership"
            ),
            "Advise colleagues on recognising, assessing and responding to domestic abuse using local pathways",
            "Apply the principles of lawful, proportionate information sharing",
            "Support colleagues affected by domestic abuse and respond to concerns about staff who may be abusive",
            "Plan and deliver safe awareness briefings and record champion activity without identifying victims",
            "Use supervision, peer support and self-care to manage the emotional impact of the role",
        ],
        "certificate_validity_months": 36,
        "counts_as_specialist_da": True,
        "is_champion_training": True,
        "prerequisites": ["domestic-abuse-awareness", "dash-risk-identification-and-marac"],
        "modules": [
            {
                "slug": "the-champion-role",
                "title": "The Domestic Abuse Champion role",
                "body": [
                    ("heading", "Why champions matter"),
                    (
                        "paragraph",
                        (
                            "<p>Most people experiencing domestic abuse never contact a specialist service directly. "
                            "They do see GPs, health visitors, teachers, housing officers, police officers, social "
                            "workers and employers. Domestic Abuse Champions make sure that in each of those places "
                            "there is someone who knows what to look for, how to respond and where to turn. The "
                            "partnership's strategy commits to building a network of champions across every sector "
                            "and district of Cambridgeshire and Peterborough.</p>"
                            "<p>This course is for practitioners who have completed the Domestic abuse awareness "
                            "course and the DASH risk identification and MARAC referral course. It takes about six "
                            "hours, and you can work through it in several sittings.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                            ),
                        },
                    ),
                    ("heading", "What a champion does"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li>acts as a point of contact in their team or organisation for colleagues with "
                            "concerns about domestic abuse</li>"
                            "<li>helps colleagues think through a concern, complete a Dash risk assessment and follow "
                            "the right pathway, including MARAC and IDVA referrals</li>"
                            "<li>knows local and national services and keeps that knowledge up to date</li>"
                            "<li>promotes good practice: safe enquiry, professional curiosity, good records and a "
                            "focus on children</li>"
                            "<li>raises awareness through briefings, team meetings and campaigns</li>"
                            "<li>supports their organisation's domestic abuse policies, including for staff</li>"
                            "<li>takes part in the Champion Network and shares learning</li></ul>"
                        ),
                    ),
                    ("heading", "What a champion is not"),
                    (
                        "paragraph",
                        (
                            "<p>A champion is not a caseworker, an IDVA, a counsellor or an investigator, and does "
                            "not replace the organisation's safeguarding lead or its procedures. Champions do not "
                            "take cases over from colleagues: they help colleagues act. If a situation needs "
                            "specialist involvement, the champion's job is to make sure the referral happens. "
                            "Champions are not expected to be available at all hours, and in an emergency everyone "
                            "should call 999.</p>"
                        ),
                    ),
                    ("heading", "Becoming and staying a champion"),
                    (
                        "paragraph",
                        (
                            "<p>When you complete this course you can apply on this platform to become a champion. A "
                            "training manager approves your application, and you then appear in the champion "
                            "directory if you choose to. Your contact details are only ever shown to other active "
                            "champions, and only if you choose to share them; other people contact you through the "
                            "platform. Your champion status depends on a valid certificate for this course, which "
                            "lasts three years. Refresh your training before it expires, or your status will lapse "
                            "until you do.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": "Which of these are part of the champion role? Tick all that apply.",
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": (
                                                "Taking over a colleague's case and becoming the victim's caseworker"
                                            ),
                                            "correct": False,
                                        },
                                        {"text": "Keeping up to date with local services", "correct": True},
                                        {"text": "Raising awareness in their team", "correct": True},
                                        {
                                            "text": (
                                                "Helping a colleague think through a concern and follow the right "
                                                "pathway"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "Champions advise, signpost and raise awareness. They help colleagues act "
                                        "rather than taking cases over."
                                    ),
                                },
                                {
                                    "text": (
                                        "A colleague asks you to 'take on' a client who has disclosed domestic abuse. "
                                        "What is the best response?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Ask the client to contact you directly from now on",
                                            "correct": False,
                                        },
                                        {"text": "Tell them it is not your job to help", "correct": False},
                                        {"text": "Take over the case yourself", "correct": False},
                                        {
                                            "text": (
                                                "Support the colleague to respond, assess risk and refer, as they "
                                                "remain responsible"
                                            ),
                                            "correct": True,
                                        },
                                    ],
                                    "feedback": (
                                        "The colleague keeps responsibility; the champion's role is to support and "
                                        "advise."
                                    ),
                                },
                                {
                                    "text": (
                                        "What happens to your champion status if your champion training certificate "
                                        "expires?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "You become a training manager", "correct": False},
                                        {"text": "It is automatically renewed", "correct": False},
                                        {"text": "It lapses until you refresh your training", "correct": True},
                                        {"text": "Nothing; champion status is permanent", "correct": False},
                                    ],
                                    "feedback": (
                                        "Champion status depends on a valid certificate, which lasts three years."
                                    ),
                                },
                                {
                                    "text": ("Who can see a champion's work email and phone number in the directory?"),
                                    "multiple": False,
                                    "options": [
                                        {"text": "All registered users", "correct": False},
                                        {"text": "Any member of the public who asks", "correct": False},
                                        {
                                            "text": (
                                                "Only other active champions, and only if the champion has chosen to "
                                                "share them"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Anyone visiting the website", "correct": False},
                                    ],
                                    "feedback": (
                                        "Contact details are shared only with other active champions, by choice. "
                                        "Everyone else uses the platform's message relay."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "advising-colleagues-and-local-pathways",
                "title": "Advising colleagues and using local pathways",
                "body": [
                    ("heading", "A structured conversation"),
                    (
                        "paragraph",
                        (
                            "<p>When a colleague brings you a concern, help them slow down and think it through. A "
                            "simple structure helps:</p>"
                            "<ol>"
                            "<li><b>What has happened?</b> What has the person said, and what has your colleague "
                            "seen?</li>"
                            "<li><b>Is anyone in immediate danger?</b> If so, the police must be called now.</li>"
                            "<li><b>What is the risk?</b> Has a Dash checklist been completed, or can it be? Is there "
                            "professional judgement to apply?</li>"
                            "<li><b>Who else is affected?</b> Are there children, or an adult with care and support "
                            "needs?</li>"
                            "<li><b>What does the victim want?</b> What have they agreed to, and what must happen "
                            "regardless?</li>"
                            "<li><b>What do our procedures say?</b> Who is the safeguarding lead, and who needs to be "
                            "told?</li>"
                            "<li><b>What happens next, and who will do it?</b> Agree actions and how they will be "
                            "recorded.</li></ol>"
                        ),
                    ),
                    ("heading", "Knowing the pathways"),
                    (
                        "paragraph",
                        (
                            "<p>Keep an up-to-date list of local routes, and check it with the network. You should "
                            "know how to reach: the police (999 and 101); the local IDVA service and the MARAC "
                            "referral process; children's social care and early help; adult safeguarding; specialist "
                            "domestic abuse outreach and refuge services; sexual violence services, including the "
                            "SARC and ISVAs; services for honour-based abuse and forced marriage; and services for "
                            "people who use abusive behaviour. National helplines, including the National Domestic "
                            "Abuse Helpline on 0808 2000 247, are listed on the Get help now page.</p>"
                        ),
                    ),
                    ("heading", "Sharing information lawfully"),
                    (
                        "paragraph",
                        (
                            "<p>Colleagues often worry that data protection law stops them sharing information. "
                            "Government advice on information sharing for safeguarding sets out 'seven golden rules'. "
                            "In summary:</p>"
                            "<ul>"
                            "<li>data protection and human rights law are not barriers to justified information "
                            "sharing</li>"
                            "<li>be open and honest with the person about what you share and why, unless that would "
                            "put them or others at risk</li>"
                            "<li>seek advice from your safeguarding lead or data protection officer when unsure, "
                            "without identifying the person if possible</li>"
                            "<li>share with consent where appropriate, but you can share without consent where there "
                            "is a lawful basis, such as protecting someone from serious harm</li>"
                            "<li>base decisions on the safety and wellbeing of the person and others who may be "
                            "affected</li>"
                            "<li>make sure what you share is necessary, proportionate, relevant, adequate, accurate, "
                            "timely and secure</li>"
                            "<li>record your decision and your reasons, whether or not you share</li></ul>"
                        ),
                    ),
                    ("heading", "Human rights at the centre"),
                    (
                        "paragraph",
                        (
                            "<p>A human rights-based approach, sometimes summarised by the FREDA principles of "
                            "<b>Fairness, Respect, Equality, Dignity and Autonomy</b>, is a useful check on advice. "
                            "Is the person being treated fairly and with respect? Are they getting an equal service, "
                            "whatever their background? Is their dignity protected? Are they being supported to make "
                            "their own decisions wherever that is safe?</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "A colleague is unsure whether she can share information about a high-risk "
                                        "victim without consent. What should you tell her?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "She can never share without consent", "correct": False},
                                        {"text": "She should wait until the victim agrees", "correct": False},
                                        {
                                            "text": (
                                                "She can share without consent where it is necessary and "
                                                "proportionate to protect someone from serious harm, and must record "
                                                "her reasons"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "She should share everything with everyone to be safe",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Data protection law allows lawful, proportionate sharing to prevent serious "
                                        "harm. Recording the decision is essential."
                                    ),
                                },
                                {
                                    "text": (
                                        "A colleague calls you, worried. A client has just told her that her partner "
                                        "is outside and has threatened to kill her. What is the first step?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Arrange a Dash assessment next week", "correct": False},
                                        {"text": "Ask the partner to leave", "correct": False},
                                        {"text": "Call 999", "correct": True},
                                        {"text": "Email the safeguarding lead", "correct": False},
                                    ],
                                    "feedback": (
                                        "Immediate danger means calling the police straight away. Everything else "
                                        "follows."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these are among the 'seven golden rules' for information sharing? "
                                        "Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Never share information without written consent",
                                            "correct": False,
                                        },
                                        {
                                            "text": ("Share information that is necessary, proportionate and accurate"),
                                            "correct": True,
                                        },
                                        {"text": "Record your decision and your reasons", "correct": True},
                                        {"text": "Seek advice when in doubt", "correct": True},
                                    ],
                                    "feedback": (
                                        "The rules support safe, lawful sharing, including without consent where "
                                        "there is a lawful basis."
                                    ),
                                },
                                {
                                    "text": "What does the 'A' in the FREDA principles stand for?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "Advocacy", "correct": False},
                                        {"text": "Autonomy", "correct": True},
                                        {"text": "Assessment", "correct": False},
                                        {"text": "Accountability", "correct": False},
                                    ],
                                    "feedback": ("FREDA stands for Fairness, Respect, Equality, Dignity and Autonomy."),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "domestic-abuse-and-the-workplace",
                "title": "Domestic abuse and the workplace",
                "body": [
                    ("heading", "Colleagues experiencing abuse"),
                    (
                        "paragraph",
                        (
                            "<p>Domestic abuse is common, so in any organisation some staff will be experiencing it "
                            "now. Work can be a lifeline: it may be the one place where a victim is away from the "
                            "abuser and can ask for help. It can also be a place where the abuser continues the "
                            "abuse, by phoning, turning up, or sabotaging the victim's job. Signs at work can include "
                            "lateness or absence, frequent calls or messages from a partner, the partner turning up, "
                            "changes in performance or mood, and a reluctance to go home.</p>"
                        ),
                    ),
                    ("heading", "Responding to a colleague"),
                    (
                        "paragraph",
                        (
                            "<p>Respond as you would to anyone else: in private, calmly, with belief and without "
                            "judgement. Then help the colleague, with their agreement, to use the organisation's "
                            "domestic abuse policy and to get specialist support. A workplace safety plan might "
                            "include:</p>"
                            "<ul>"
                            "<li>changing their working pattern, location or phone extension</li>"
                            "<li>screening calls and emails, and agreeing what reception should say if the abuser "
                            "calls or visits</li>"
                            "<li>removing their details and photograph from public websites</li>"
                            "<li>safe arrangements for arriving at and leaving work</li>"
                            "<li>time off for appointments, court hearings or moving house</li>"
                            "<li>access to the employee assistance programme or occupational health</li></ul>"
                            "<p>Respect their confidentiality as far as you safely can, and agree who else needs to "
                            "know. The usual limits apply where there is a risk to children or of serious harm.</p>"
                        ),
                    ),
                    ("heading", "When a colleague may be causing harm"),
                    (
                        "paragraph",
                        (
                            "<p>Some staff will be perpetrators. If you have concerns about a colleague's behaviour, "
                            "do not investigate or confront them yourself. Raise it with your manager or HR under "
                            "your organisation's policy, and with the police or safeguarding services where there is "
                            "a crime or a risk to someone. Be alert to the misuse of work systems: an employee using "
                            "their access to records, databases or information to find, monitor or control a victim "
                            "is a serious matter and may be a crime. Where both people work for the same "
                            "organisation, the organisation must plan to keep the victim safe at work.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "heading": "Organisational policy",
                            "text": (
                                "<p>Every partner organisation should have a domestic abuse policy for staff. As a "
                                "champion, you can help your organisation keep it up to date and make sure staff know "
                                "it exists. Your HR team can advise on support and leave arrangements available to "
                                "staff.</p>"
                            ),
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 66,
                            "questions": [
                                {
                                    "text": (
                                        "A colleague tells you her ex-partner keeps phoning reception asking what "
                                        "time she finishes. Which of these could be part of a workplace safety plan? "
                                        "Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {
                                            "text": "Telling the whole team the details so they can watch out",
                                            "correct": False,
                                        },
                                        {"text": "Changing her working pattern if she wants to", "correct": True},
                                        {"text": "Safe arrangements for leaving work", "correct": True},
                                        {"text": "Agreeing what reception should say to him", "correct": True},
                                    ],
                                    "feedback": (
                                        "Practical measures help. Share only what people need to know, with her "
                                        "agreement wherever possible."
                                    ),
                                },
                                {
                                    "text": (
                                        "You learn that a colleague may have used work systems to find his "
                                        "ex-partner's new address. What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Report it to your manager or HR, and consider the risk to the "
                                                "ex-partner, involving the police if she is at risk"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Ignore it, as it is a private matter", "correct": False},
                                        {"text": "Confront him and ask him to explain", "correct": False},
                                        {
                                            "text": "Look into it yourself by checking the system logs",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Misuse of work systems to locate a victim is serious and may be a crime. Do "
                                        "not investigate yourself."
                                    ),
                                },
                                {
                                    "text": "Why can the workplace be important for a victim of domestic abuse?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "Because employers are required to investigate all abuse",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "It may be the one place away from the abuser where they can ask for "
                                                "help"
                                            ),
                                            "correct": True,
                                        },
                                        {
                                            "text": "Because colleagues are responsible for ending the abuse",
                                            "correct": False,
                                        },
                                        {"text": "Because abuse never affects people at work", "correct": False},
                                    ],
                                    "feedback": (
                                        "Work can offer safety and a chance to seek help, and a good employer "
                                        "response can make a real difference."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "cascading-awareness-and-the-network",
                "title": "Cascading awareness and the Champion Network",
                "body": [
                    ("heading", "Running a briefing"),
                    (
                        "paragraph",
                        (
                            "<p>A short, well-prepared briefing can change how a whole team responds to abuse. Plan "
                            "for a safe session:</p>"
                            "<ul>"
                            "<li>tell people in advance what the session covers, so that they can choose how to take "
                            "part</li>"
                            "<li>open with a safety message: some people in the room may have personal experience, "
                            "and they can step out at any time</li>"
                            "<li>end with where to get help, including the Get help now page and the National "
                            "Domestic Abuse Helpline, 0808 2000 247</li>"
                            "<li>never use real case details that could identify anyone; use fictional scenarios</li>"
                            "<li>focus on what people should do: how to ask, how to respond, and who to go "
                            "to</li></ul>"
                            "<p>Expect that someone may disclose their own experience to you afterwards. Make time to "
                            "stay on, and respond as you would to any disclosure.</p>"
                        ),
                    ),
                    ("heading", "Campaigns and key dates"),
                    (
                        "paragraph",
                        (
                            "<p>National and international campaigns are useful hooks for awareness. The 16 Days of "
                            "Activism against Gender-Based Violence run each year from 25 November, the International "
                            "Day for the Elimination of Violence against Women, to 10 December, Human Rights Day. "
                            "Local campaigns from the partnership will be shared through the network.</p>"
                        ),
                    ),
                    ("heading", "Recording your champion activity"),
                    (
                        "paragraph",
                        (
                            "<p>The partnership reports to Safeguarding Boards and Community Safety Partnerships on "
                            "the reach of the Champion Network, so please record what you do on this platform: "
                            "colleagues briefed, awareness events run, and cases where you advised a colleague. "
                            "Record <b>counts only</b>: the date, the kind of activity, the topic and the number of "
                            "people reached. <b>Never record any details of a victim, perpetrator or case</b>, even "
                            "without names. Keep any free text short and general.</p>"
                        ),
                    ),
                    ("heading", "The Champion Network"),
                    (
                        "paragraph",
                        (
                            "<p>The network connects champions across sectors and districts. Use the directory to "
                            "find a champion with a particular specialism or in a particular area, and attend network "
                            "meetings, briefings and supervision sessions to keep your knowledge up to date and learn "
                            "from each other. When you discuss cases in the network, anonymise them fully, and share "
                            "only what is needed for the learning.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 75,
                            "questions": [
                                {
                                    "text": (
                                        "Which of these is appropriate to record as champion activity on the platform?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "'Client with three children referred to MARAC after strangulation'"
                                            ),
                                            "correct": False,
                                        },
                                        {
                                            "text": "'Team briefing on coercive control, 12 people reached'",
                                            "correct": True,
                                        },
                                        {"text": "The victim's initials and date of birth", "correct": False},
                                        {
                                            "text": ("'Advised on Mrs A, aged 34, of Fenland, whose partner hit her'"),
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Champion activity is recorded as counts only. Never record details of a "
                                        "victim or a case, even without names."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these help make an awareness briefing safe? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "An opening safety message", "correct": True},
                                        {"text": "Using fictional scenarios", "correct": True},
                                        {
                                            "text": "Using a recent local case with enough detail to make it real",
                                            "correct": False,
                                        },
                                        {"text": "Signposting to help at the end", "correct": True},
                                    ],
                                    "feedback": (
                                        "Real cases can identify people and cause harm. Safety messages, signposting "
                                        "and fictional scenarios make a session safe."
                                    ),
                                },
                                {
                                    "text": "When do the 16 Days of Activism against Gender-Based Violence run?",
                                    "multiple": False,
                                    "options": [
                                        {"text": "1 to 16 July", "correct": False},
                                        {"text": "1 to 16 January", "correct": False},
                                        {"text": "8 to 24 March", "correct": False},
                                        {"text": "25 November to 10 December", "correct": True},
                                    ],
                                    "feedback": (
                                        "The 16 Days run from the International Day for the Elimination of Violence "
                                        "against Women on 25 November to Human Rights Day on 10 December."
                                    ),
                                },
                                {
                                    "text": (
                                        "After a briefing, a colleague tells you she is experiencing abuse at home. "
                                        "What should you do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": (
                                                "Respond as you would to any disclosure: listen, believe, consider "
                                                "safety and help her access support"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Report her to HR for a capability review", "correct": False},
                                        {
                                            "text": "Tell her manager straight away without discussing it with her",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Tell her the session was not the place for personal matters",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Disclosures after briefings are common. Respond with the same care as any "
                                        "other disclosure."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "looking-after-yourself",
                "title": "Looking after yourself in the role",
                "body": [
                    ("heading", "The emotional impact of the work"),
                    (
                        "paragraph",
                        (
                            "<p>Hearing about abuse, even second-hand, affects people. <b>Vicarious trauma</b> is a "
                            "change in the way a person sees themselves, others and the world that can result from "
                            "repeated exposure to other people's traumatic experiences. <b>Burnout</b> is exhaustion "
                            "caused by long-term pressure and workload. Both are normal risks of safeguarding work, "
                            "not signs of weakness.</p>"
                            "<p>Signs to watch for include difficulty switching off, intrusive thoughts about cases, "
                            "irritability, poor sleep, feeling numb or cynical, avoiding certain situations, and "
                            "feeling unusually fearful for yourself or your family.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "safety",
                            "heading": "If this raises concerns about your own situation",
                            "text": (
                                "<p>Some of this material may be difficult to read, and it may bring up feelings "
                                "about your own experiences or those of someone close to you. You can pause at any "
                                "time. If you are worried about your own situation, use the <b>Get help now</b> link "
                                "at the top of every page, or call the free, confidential <b>National Domestic Abuse "
                                "Helpline on 0808 2000 247</b> (24 hours, every day). If you are in immediate danger, "
                                "call 999. You can also talk to your line manager, your organisation's employee "
                                "support service or a Domestic Abuse Champion.</p>"
                            ),
                        },
                    ),
                    ("heading", "Your own experience"),
                    (
                        "paragraph",
                        (
                            "<p>Many people who become champions have personal experience of abuse, directly or "
                            "through someone close to them. This can bring real understanding and commitment. It can "
                            "also mean that some situations are harder. You do not have to share your experience with "
                            "anyone, and it is fine to step back from a particular conversation or to ask another "
                            "champion to help.</p>"
                        ),
                    ),
                    ("heading", "Boundaries"),
                    (
                        "paragraph",
                        (
                            "<ul>"
                            "<li>Be clear about what you can and cannot offer, and when you are available.</li>"
                            "<li>Do not give out your personal phone number or social media details to colleagues "
                            "seeking advice, or to anyone experiencing abuse.</li>"
                            "<li>Hand on to the right service rather than stretching yourself to fill a gap.</li>"
                            "<li>Remember that you are not responsible for the choices victims make or for the "
                            "behaviour of perpetrators.</li></ul>"
                        ),
                    ),
                    ("heading", "Support"),
                    (
                        "paragraph",
                        (
                            "<p>Use supervision and reflective practice in your own organisation, and the peer "
                            "support of the Champion Network. Talk to your manager if the role is affecting you, and "
                            "use your employee assistance programme or occupational health. If you need a break, you "
                            "can step back from the role for a while; the network will still be here when you "
                            "return.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "title": "Check your understanding",
                            "pass_mark": 66,
                            "questions": [
                                {
                                    "text": "What is vicarious trauma?",
                                    "multiple": False,
                                    "options": [
                                        {
                                            "text": "A sign that someone is not suited to safeguarding work",
                                            "correct": False,
                                        },
                                        {
                                            "text": (
                                                "A change in how a person sees themselves and the world, resulting "
                                                "from repeated exposure to other people's trauma"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "A physical injury suffered at work", "correct": False},
                                        {
                                            "text": "The same thing as a personal disagreement with a colleague",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "Vicarious trauma is a normal risk of work with trauma and abuse, and support "
                                        "and supervision help to manage it."
                                    ),
                                },
                                {
                                    "text": (
                                        "Which of these are healthy boundaries for a champion? Tick all that apply."
                                    ),
                                    "multiple": True,
                                    "options": [
                                        {"text": "Being clear about when you are available", "correct": True},
                                        {"text": "Handing on to specialist services", "correct": True},
                                        {"text": "Not giving out personal contact details", "correct": True},
                                        {"text": "Being available to everyone at all hours", "correct": False},
                                    ],
                                    "feedback": (
                                        "Clear boundaries protect you and make sure people get the right service."
                                    ),
                                },
                                {
                                    "text": (
                                        "A champion finds that a colleague's case has brought back memories of her "
                                        "own past. What is the best thing to do?"
                                    ),
                                    "multiple": False,
                                    "options": [
                                        {"text": "Resign from the network immediately", "correct": False},
                                        {
                                            "text": (
                                                "Step back if needed, ask another champion to help, and seek support"
                                            ),
                                            "correct": True,
                                        },
                                        {"text": "Carry on alone and say nothing", "correct": False},
                                        {
                                            "text": "Share her own story with the colleague's client",
                                            "correct": False,
                                        },
                                    ],
                                    "feedback": (
                                        "It is fine to step back and ask for help. Support is available through "
                                        "supervision, the network and your employer."
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
