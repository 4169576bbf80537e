"""The Global Compact for Safe, Orderly and Regular Migration (December 2018), as data."""

OBJECTIVES: list[tuple[int, str]] = [
    (
        1,
        "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
    ),
    (
        2,
        "Minimize the adverse drivers and structural factors that compel people to leave their "
        "country of origin",
    ),
    (3, "Provide accurate and timely information at all stages of migration"),
    (4, "Ensure that all migrants have proof of legal identity and adequate documentation"),
    (5, "Enhance availability and flexibility of pathways for regular migration"),
    (6, "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"),
    (7, "Address and reduce vulnerabilities in migration"),
    (8, "Save lives and establish coordinated international efforts on missing migrants"),
    (9, "Strengthen the transnational response to smuggling of migrants"),
    (
        10,
        "Prevent, combat and eradicate trafficking in persons in the context of international "
        "migration",
    ),
    (11, "Manage borders in an integrated, secure and coordinated manner"),
    (
        12,
        "Strengthen certainty and predictability in migration procedures for appropriate "
        "screening, assessment and referral",
    ),
    (13, "Use migration detention only as a measure of last resort and work towards alternatives"),
    (14, "Enhance consular protection, assistance and cooperation throughout the migration cycle"),
    (15, "Provide access to basic services for migrants"),
    (16, "Empower migrants and societies to realize full inclusion and social cohesion"),
    (
        17,
        "Eliminate all forms of discrimination and promote evidence-based public discourse to "
        "shape perceptions of migration",
    ),
    (
        18,
        "Invest in skills development and facilitate mutual recognition of skills, "
        "qualifications and competences",
    ),
    (
        19,
        "Create conditions for migrants and diasporas to fully contribute to sustainable "
        "development in all countries",
    ),
    (
        20,
        "Promote faster, safer and cheaper transfer of remittances and foster financial "
        "inclusion of migrants",
    ),
    (
        21,
        "Cooperate in facilitating safe and dignified return and readmission, as well as "
        "sustainable reintegration",
    ),
    (
        22,
        "Establish mechanisms for the portability of social security entitlements and earned "
        "benefits",
    ),
    (
        23,
        "Strengthen international cooperation and global partnerships for safe, orderly and "
        "regular migration",
    ),
]

# A few words per objective, for places too narrow for the full title (filters, chart rows,
# cards); the objective's page and a tooltip give the full title.
SHORT_TITLES: dict[int, str] = {
    1: "Data for evidence-based policy",
    2: "Adverse drivers of migration",
    3: "Information at all stages",
    4: "Legal identity and documents",
    5: "Regular pathways",
    6: "Fair recruitment, decent work",
    7: "Vulnerabilities in migration",
    8: "Saving lives, missing migrants",
    9: "Smuggling of migrants",
    10: "Trafficking in persons",
    11: "Border management",
    12: "Screening, assessment, referral",
    13: "Alternatives to detention",
    14: "Consular protection",
    15: "Basic services",
    16: "Inclusion and social cohesion",
    17: "Non-discrimination, public discourse",
    18: "Skills and their recognition",
    19: "Migrants' and diasporas' contribution",
    20: "Remittances, financial inclusion",
    21: "Return and reintegration",
    22: "Portable social security",
    23: "International cooperation",
}


def short_title(number: int, title: str = "") -> str:
    """The objective's short title; an unknown number keeps the first words of its title."""
    if number in SHORT_TITLES:
        return SHORT_TITLES[number]
    words = title.split()
    return " ".join(words[:5]) + ("…" if len(words) > 5 else "")


GUIDING_PRINCIPLES: list[tuple[int, str]] = [
    (1, "People-centred"),
    (2, "International cooperation"),
    (3, "National sovereignty"),
    (4, "Rule of law and due process"),
    (5, "Sustainable development"),
    (6, "Human rights"),
    (7, "Gender-responsive"),
    (8, "Child-sensitive"),
    (9, "Whole-of-government approach"),
    (10, "Whole-of-society approach"),
]

# Rwanda's provinces and their districts (30), for the "place" facet.
PROVINCES: dict[str, list[str]] = {
    "Kigali City": ["Gasabo", "Kicukiro", "Nyarugenge"],
    "Northern Province": ["Burera", "Gakenke", "Gicumbi", "Musanze", "Rulindo"],
    "Southern Province": [
        "Gisagara",
        "Huye",
        "Kamonyi",
        "Muhanga",
        "Nyamagabe",
        "Nyanza",
        "Nyaruguru",
        "Ruhango",
    ],
    "Eastern Province": [
        "Bugesera",
        "Gatsibo",
        "Kayonza",
        "Kirehe",
        "Ngoma",
        "Nyagatare",
        "Rwamagana",
    ],
    "Western Province": [
        "Karongi",
        "Ngororero",
        "Nyabihu",
        "Nyamasheke",
        "Rubavu",
        "Rusizi",
        "Rutsiro",
    ],
}

# Rwanda's official languages.
LANGUAGES: list[tuple[str, str]] = [
    ("en", "English"),
    ("fr", "French"),
    ("rw", "Kinyarwanda"),
    ("sw", "Swahili"),
]
