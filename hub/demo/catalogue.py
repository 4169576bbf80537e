"""The demo catalogue: organisations, working groups, resources and collections of the hub.

Plain data only, no project imports. Written for the demo: the public institutions are real, the
civil-society organisations are generic, and every figure, programme detail and quotation in the
resources is illustrative, not an official statistic or position of the institutions named.
"""

from __future__ import annotations

ORGANISATIONS: list[dict] = [
    # The UN Network on Migration in Rwanda (terms of reference, April 2022).
    {
        "slug": "rco",
        "name": "Office of the Resident Coordinator",
        "acronym": "RCO",
        "kind": "un",
        "executive_committee": True,
        "member": True,
        "website": "https://rwanda.un.org",
    },
    {
        "slug": "iom",
        "name": "International Organization for Migration",
        "acronym": "IOM",
        "kind": "un",
        "executive_committee": True,
        "member": True,
        "website": "https://rwanda.iom.int",
    },
    {
        "slug": "unicef",
        "name": "United Nations Children's Fund",
        "acronym": "UNICEF",
        "kind": "un",
        "executive_committee": True,
        "member": True,
        "website": "https://www.unicef.org/rwanda",
    },
    {
        "slug": "unhcr",
        "name": "Office of the United Nations High Commissioner for Refugees",
        "acronym": "UNHCR",
        "kind": "un",
        "executive_committee": True,
        "member": True,
        "website": "https://www.unhcr.org/countries/rwanda",
    },
    {
        "slug": "wfp",
        "name": "World Food Programme",
        "acronym": "WFP",
        "kind": "un",
        "executive_committee": True,
        "member": True,
        "website": "https://www.wfp.org/countries/rwanda",
    },
    {
        "slug": "who",
        "name": "World Health Organization",
        "acronym": "WHO",
        "kind": "un",
        "executive_committee": True,
        "member": True,
        "website": "https://www.afro.who.int/countries/rwanda",
    },
    {
        "slug": "uncdf",
        "name": "United Nations Capital Development Fund",
        "acronym": "UNCDF",
        "kind": "un",
        "executive_committee": False,
        "member": True,
        "website": "https://www.uncdf.org",
    },
    {
        "slug": "unfpa",
        "name": "United Nations Population Fund",
        "acronym": "UNFPA",
        "kind": "un",
        "executive_committee": False,
        "member": True,
        "website": "https://rwanda.unfpa.org",
    },
    # Government of Rwanda.
    {
        "slug": "dgie",
        "name": "Directorate General of Immigration and Emigration",
        "acronym": "DGIE",
        "kind": "government",
        "executive_committee": False,
        "member": False,
        "website": "https://www.migration.gov.rw",
    },
    {
        "slug": "minaffet",
        "name": "Ministry of Foreign Affairs and International Cooperation",
        "acronym": "MINAFFET",
        "kind": "government",
        "executive_committee": False,
        "member": False,
        "website": "https://www.minaffet.gov.rw",
    },
    {
        "slug": "minema",
        "name": "Ministry in charge of Emergency Management",
        "acronym": "MINEMA",
        "kind": "government",
        "executive_committee": False,
        "member": False,
        "website": "https://www.minema.gov.rw",
    },
    {
        "slug": "nisr",
        "name": "National Institute of Statistics of Rwanda",
        "acronym": "NISR",
        "kind": "government",
        "executive_committee": False,
        "member": False,
        "website": "https://www.statistics.gov.rw",
    },
    {
        "slug": "mifotra",
        "name": "Ministry of Public Service and Labour",
        "acronym": "MIFOTRA",
        "kind": "government",
        "executive_committee": False,
        "member": False,
        "website": "https://www.mifotra.gov.rw",
    },
    {
        "slug": "nchr",
        "name": "National Commission for Human Rights",
        "acronym": "NCHR",
        "kind": "government",
        "executive_committee": False,
        "member": False,
        "website": "https://www.cndp.org.rw",
    },
    {
        "slug": "migeprof",
        "name": "Ministry of Gender and Family Promotion",
        "acronym": "MIGEPROF",
        "kind": "government",
        "executive_committee": False,
        "member": False,
        "website": "https://www.migeprof.gov.rw",
    },
    # Civil society (generic names for the demo).
    {
        "slug": "migrant-workers-association",
        "name": "Rwanda Migrant Workers' Association",
        "acronym": "RMWA",
        "kind": "civil-society",
        "executive_committee": False,
        "member": False,
        "website": "",
    },
    {
        "slug": "community-legal-aid-network",
        "name": "Community Legal Aid Network",
        "acronym": "CLAN",
        "kind": "civil-society",
        "executive_committee": False,
        "member": False,
        "website": "",
    },
    {
        "slug": "diaspora-returnees-network",
        "name": "Diaspora and Returnees Network Rwanda",
        "acronym": "DRN",
        "kind": "civil-society",
        "executive_committee": False,
        "member": False,
        "website": "",
    },
    # Academia.
    {
        "slug": "university-of-rwanda",
        "name": "University of Rwanda",
        "acronym": "UR",
        "kind": "academic",
        "executive_committee": False,
        "member": False,
        "website": "https://ur.ac.rw",
    },
]

WORKING_GROUPS: list[dict] = [
    {
        "slug": "twg-labour-migration",
        "name": "TWG on Labour Migration and Skills",
        "acronym": "TWG-LMS",
        "status": "active",
        "description": (
            "Brings together UN agencies, workers' organisations and academia on fair "
            "recruitment, regular labour pathways and the recognition of skills. It prepares "
            "policy briefs and papers that feed the Network's advice to the Government of Rwanda."
        ),
        "chairs": ["iom", "uncdf"],
        "members": [
            "iom",
            "uncdf",
            "unfpa",
            "rco",
            "migrant-workers-association",
            "diaspora-returnees-network",
            "university-of-rwanda",
        ],
    },
    {
        "slug": "twg-data-evidence",
        "name": "TWG on Data and Evidence",
        "acronym": "TWG-DE",
        "status": "active",
        "description": (
            "Coordinates the collection, harmonisation and sharing of migration data among "
            "Network members and their partners. It steers the national migration profile and "
            "reviews datasets before they are published on the hub."
        ),
        "chairs": ["iom", "unfpa"],
        "members": ["iom", "unfpa", "unhcr", "wfp", "who", "unicef", "university-of-rwanda"],
    },
    {
        "slug": "twg-protection",
        "name": "TWG on Protection and Counter-Trafficking",
        "acronym": "TWG-PCT",
        "status": "active",
        "description": (
            "Works on the protection of migrants in vulnerable situations, including victims of "
            "trafficking, unaccompanied and separated children and survivors of gender-based "
            "violence. It maintains referral guidance and training material for frontline actors."
        ),
        "chairs": ["unhcr", "unicef"],
        "members": [
            "unhcr",
            "unicef",
            "iom",
            "unfpa",
            "who",
            "community-legal-aid-network",
            "migrant-workers-association",
        ],
    },
    {
        "slug": "twg-gcm-review-2022",
        "name": "TWG on the 2022 GCM Review",
        "acronym": "TWG-GCMR",
        "status": "closed",
        "description": (
            "Prepared the Network's contribution to the first International Migration Review "
            "Forum in 2022. It was closed by consensus once its report had been adopted."
        ),
        "chairs": ["rco", "iom"],
        "members": ["rco", "iom", "unhcr", "unicef", "university-of-rwanda"],
    },
]

RESOURCES: list[dict] = [
    # ---------------------------------------------------------------- converted from content.py
    {
        "slug": "labour-migration-policy-brief-2025",
        "title": "Labour migration from Rwanda: fair recruitment and decent work",
        "summary": (
            "A policy brief on the recruitment of Rwandan workers abroad, the costs they bear and "
            "what ethical recruitment would change."
        ),
        "type": "policy-brief",
        "objectives": [6, 5, 18],
        "primary": 6,
        "principles": [6, 1, 9],
        "themes": ["labour migration", "fair recruitment", "decent work"],
        "organisations": ["iom", "mifotra"],
        "working_group": "twg-labour-migration",
        "date": "2025-03-14",
        "languages": ["en"],
        "places": ["Rwanda", "Kigali City", "Musanze", "Huye"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy brief",
                "language": "en",
                "pages": [
                    (
                        "Labour migration is a growing livelihood strategy for young Rwandans. "
                        "This brief summarises what the network learned from recruitment "
                        "agencies, returnees and employers.\n\nWorkers often pay recruitment fees "
                        "that equal several months of wages. Group discussions were held in "
                        "Kigali City, Musanze and Huye with 64 returnees who had worked in the "
                        "Gulf states and in neighbouring East African countries."
                    ),
                    (
                        "Fair recruitment means that workers never pay fees or related costs. The "
                        "Employer Pays Principle should apply to every bilateral labour agreement "
                        "signed by Rwanda.\n\nContracts must be issued in Kinyarwanda before "
                        "departure, and contract substitution on arrival must be prohibited. Nine "
                        "in ten returnees interviewed had signed their contract only in English "
                        "or Arabic, and a third reported that wages on arrival were lower than "
                        "promised."
                    ),
                    (
                        "Recommendations: license and monitor recruitment agencies; publish a "
                        "list of compliant agencies; create a complaints mechanism reachable from "
                        "destination countries; train labour attachés in the Gulf states on "
                        "decent work standards.\n\nThe brief was prepared by the TWG on Labour "
                        "Migration and Skills and discussed with MIFOTRA at a validation workshop "
                        "in February 2025. Participants asked that the list of licensed agencies "
                        "be updated every quarter."
                    ),
                ],
            },
        ],
        "related": ["ethical-recruitment-training-module", "regular-labour-pathways-paper"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "remittances-financial-inclusion-study",
        "title": "Remittances and financial inclusion of migrant households",
        "summary": (
            "A study of how households in Rwanda receive money from relatives abroad, what it "
            "costs, and how digital channels could lower the cost."
        ),
        "type": "study",
        "objectives": [20, 19],
        "primary": 20,
        "principles": [5, 1],
        "themes": ["remittances", "financial inclusion", "diaspora"],
        "organisations": ["uncdf"],
        "working_group": None,
        "date": "2024-11-02",
        "languages": ["en"],
        "places": ["Kigali City", "Southern Province", "Western Province"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full study",
                "language": "en",
                "pages": [
                    (
                        "Remittances sent by the diaspora are an important source of income for "
                        "households in every province of Rwanda.\n\nThe survey covered 1,200 "
                        "households in Kigali City, the Southern and the Western provinces. Half "
                        "of the sample was drawn in Gasabo, Huye and Rubavu districts, where "
                        "earlier studies found the highest share of households with a member "
                        "living abroad. Fieldwork took place between February and May 2024."
                    ),
                    (
                        "The average cost of sending 200 US dollars to Rwanda remains above the "
                        "SDG target of three percent. Mobile money transfers were the cheapest "
                        "corridor observed.\n\nTransfers from Uganda and Kenya through mobile "
                        "wallets cost on average 4.1 percent, while cash transfers from Europe "
                        "through money transfer operators cost close to 8 percent of the amount "
                        "sent. Transfers to rural areas took longer and often ended with a cash "
                        "withdrawal fee."
                    ),
                    (
                        "Households that receive remittances through a bank account are more "
                        "likely to save and to invest in small businesses. Financial literacy "
                        "training for remittance recipients doubled the share of households with "
                        "savings.\n\nIn Rubavu, recipients who joined a savings and credit "
                        "cooperative (SACCO) were twice as likely to report a household "
                        "enterprise as those who collected cash at an agent."
                    ),
                    (
                        "Recommendations: reduce transfer costs through competition between "
                        "mobile money operators; promote diaspora bonds; include migrants in "
                        "national financial inclusion strategies.\n\nThe study also proposes that "
                        "the NISR add a question on the channel used to receive remittances to "
                        "the next integrated household living conditions survey (EICV), so that "
                        "progress can be tracked over time. Progress would then be reported "
                        "against SDG target 10.c."
                    ),
                ],
            },
        ],
        "related": ["remittance-prices-dataset"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "counter-trafficking-guidance",
        "title": "Guidance on identification and referral of victims of trafficking",
        "summary": (
            "Standard operating procedures for identifying presumed victims of trafficking in "
            "persons and referring them to protection services."
        ),
        "type": "guidance",
        "objectives": [10, 7, 12],
        "primary": 10,
        "principles": [6, 4, 8],
        "themes": ["trafficking", "referral", "protection"],
        "organisations": ["iom", "unicef"],
        "working_group": "twg-protection",
        "date": "2025-06-20",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Standard operating procedures",
                "language": "en",
                "pages": [
                    (
                        "These procedures help frontline officers at border posts, police "
                        "stations and health centres identify presumed victims of trafficking in "
                        "persons.\n\nIndicators include confiscated identity documents, debt "
                        "bondage and restricted freedom of movement. An officer does not need "
                        "proof that a crime has been committed: reasonable grounds to believe "
                        "that a person may be a victim are enough to start a referral."
                    ),
                    (
                        "Referral pathway: once a presumed victim is identified, the officer "
                        "contacts the Isange One Stop Centre, which provides medical care, "
                        "psychosocial support and temporary shelter.\n\nChildren are always "
                        "referred to child protection services first. Cases involving victims "
                        "from another country are also reported to the DGIE so that their stay "
                        "can be regularised while assistance is provided, and to IOM when the "
                        "victim asks to return home."
                    ),
                    (
                        "Data protection: information about victims is confidential and shared "
                        "only with services involved in their protection, with their informed "
                        "consent.\n\nAnnex 2 contains the TIP screening form, a referral slip and "
                        "the list of focal points by district. The form records indicators, not "
                        "the story of the victim, and is kept in a locked file or an "
                        "access-controlled database. Records are destroyed after the retention "
                        "period set by law."
                    ),
                ],
            },
        ],
        "related": ["ctip-training-frontline-officers"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "migration-data-assessment",
        "title": "Assessment of migration data sources in Rwanda",
        "summary": (
            "An assessment of administrative, census and survey sources of migration data, their "
            "gaps and how they could be disaggregated."
        ),
        "type": "study",
        "objectives": [1, 23],
        "primary": 1,
        "principles": [9, 3],
        "themes": ["migration data", "statistics"],
        "organisations": ["nisr", "iom"],
        "working_group": "twg-data-evidence",
        "date": "2024-07-15",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Assessment report",
                "language": "en",
                "pages": [
                    (
                        "Evidence-based migration policy requires accurate and disaggregated "
                        "data. This assessment maps every source of migration statistics produced "
                        "in Rwanda.\n\nTwenty-three sources were reviewed, held by eleven "
                        "institutions, from the population and housing census to the registers of "
                        "work permits, refugee registration and consular records kept by "
                        "embassies. Each source was scored on coverage, timeliness, "
                        "disaggregation and accessibility, using a common assessment grid agreed "
                        "with the NISR."
                    ),
                    (
                        "The population and housing census records place of birth and previous "
                        "residence. Border crossing data are collected electronically at the main "
                        "land borders and at Kigali International Airport.\n\nThe fifth census, "
                        "held in 2022, also asked about household members living abroad, which "
                        "makes it the first national source on emigration by district and by sex. "
                        "Refugee registration data are held by UNHCR and the government and "
                        "updated monthly."
                    ),
                    (
                        "Gaps: emigration is poorly measured; data on internally displaced "
                        "persons after floods and landslides are not consolidated; few sources "
                        "disaggregate by disability.\n\nAdministrative registers use different "
                        "definitions of a migrant worker, and IDP figures collected by districts "
                        "are kept in spreadsheets that are not shared with the statistical "
                        "system. Data on persons with disabilities among migrants are almost "
                        "entirely missing, despite national commitments."
                    ),
                    (
                        "A migration data working group should harmonise definitions and publish "
                        "an annual migration profile.\n\nThe assessment recommends a data sharing "
                        "agreement between the NISR, the DGIE and MINEMA, a common code list for "
                        "countries and districts, and the use of the DTM methodology for "
                        "displacement after disasters. The TWG on Data and Evidence was later "
                        "given this task by the Network, and the assessment served as its "
                        "baseline."
                    ),
                ],
            },
        ],
        "related": ["migration-profile-2022", "border-crossings-dataset"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "refugee-inclusion-health-services",
        "title": "Access to health services for refugees and migrants",
        "summary": (
            "A report on how refugees and migrants use health insurance and primary health care, "
            "with barriers and good practices."
        ),
        "type": "report",
        "objectives": [15, 16],
        "primary": 15,
        "principles": [6, 1, 7],
        "themes": ["health", "refugees", "health insurance"],
        "organisations": ["who", "unhcr"],
        "working_group": None,
        "date": "2025-01-28",
        "languages": ["en"],
        "places": ["Eastern Province", "Kirehe", "Gatsibo", "Nyamagabe"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full report",
                "language": "en",
                "pages": [
                    (
                        "Rwanda has included refugees in the community-based health insurance "
                        "scheme. This report reviews the first years of that inclusion.\n\nIt "
                        "draws on interviews with 410 refugees and 36 health workers in Kirehe, "
                        "Gatsibo and Nyamagabe districts, and on the records of health centres "
                        "serving camps and the surrounding villages. Data were collected between "
                        "June and September 2024 by a team of nurses and researchers."
                    ),
                    (
                        "Barriers remain: language, distance to health centres from camps such as "
                        "Mahama, and the cost of medicines not covered by insurance.\n\nMental "
                        "health and psychosocial support services are available in few districts. "
                        "Only two of the nine health centres visited had a staff member trained "
                        "in MHPSS, and waiting times for a psychiatric consultation exceeded six "
                        "weeks. Refugees living in Kigali City reported fewer barriers than those "
                        "in camps."
                    ),
                    (
                        "Good practice: community health workers who speak the languages of "
                        "refugees improve vaccination coverage and maternal health "
                        "outcomes.\n\nIn Nyabiheke camp, home visits by refugee community health "
                        "workers raised the share of births attended by skilled personnel to 97 "
                        "percent, in line with the national average. The report recommends "
                        "extending this model to Mahama and Kigeme, and covering more essential "
                        "medicines through the insurance scheme."
                    ),
                ],
            },
        ],
        "related": ["mhpss-guidance-refugees-returnees"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "return-reintegration-framework",
        "title": "Sustainable reintegration of returnees: a framework for districts",
        "summary": (
            "A framework that helps district authorities support returning migrants with "
            "economic, social and psychosocial reintegration."
        ),
        "type": "policy-paper",
        "objectives": [21, 16, 19],
        "primary": 21,
        "principles": [1, 9, 10],
        "themes": ["returnees", "reintegration", "local government"],
        "organisations": ["iom", "rco", "diaspora-returnees-network"],
        "working_group": None,
        "date": "2025-09-05",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Framework",
                "language": "en",
                "pages": [
                    (
                        "Returnees arrive with skills, savings and expectations, but also with "
                        "debts and sometimes trauma. Sustainable reintegration means economic "
                        "self-sufficiency, social stability and psychosocial well-being.\n\nThis "
                        "framework was written by the UN Network on Migration in Rwanda with "
                        "district officers and returnee associations, and is meant to be adapted "
                        "by each district. It applies to migrants returning voluntarily and to "
                        "those who were returned, whatever their age or sex."
                    ),
                    (
                        "Districts should map services available to returnees: vocational "
                        "training, business grants, health care and counselling.\n\nReturnee "
                        "associations can mentor new arrivals. In pilot districts, the joint "
                        "action and development forum (JADF) added returnees to its agenda, so "
                        "that partners could align their support instead of running parallel "
                        "programmes. Each district should designate a returnee focal point in its "
                        "social affairs unit, with a simple case file for every returnee "
                        "household."
                    ),
                    (
                        "Monitoring: a reintegration sustainability survey should be conducted 12 "
                        "months after return to measure outcomes.\n\nThe survey uses the fifteen "
                        "indicators of the IOM reintegration sustainability score, covering "
                        "income, housing, access to services, social networks and psychosocial "
                        "well-being, so that results can be compared across districts and over "
                        "time. Results should be shared with the JADF and the Network so that "
                        "programmes can be adjusted."
                    ),
                ],
            },
        ],
        "related": ["reintegration-sustainability-survey-2026"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "child-migrants-protection-brief",
        "title": "Protecting unaccompanied and separated children on the move",
        "summary": (
            "A brief on the situation of unaccompanied and separated children crossing borders, "
            "and the services that protect them."
        ),
        "type": "policy-brief",
        "objectives": [7, 15],
        "primary": 7,
        "principles": [8, 6],
        "themes": ["children", "protection", "family tracing"],
        "organisations": ["unicef"],
        "working_group": "twg-protection",
        "date": "2025-05-12",
        "languages": ["en"],
        "places": ["Rwanda", "Rubavu", "Rusizi"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy brief",
                "language": "en",
                "pages": [
                    (
                        "Unaccompanied and separated children face risks of exploitation, "
                        "trafficking and abuse. The best interests of the child must guide every "
                        "decision.\n\nAt the border posts of Rubavu and Rusizi, social workers "
                        "identified 212 unaccompanied and separated children (UASC) in 2024, most "
                        "of them adolescents travelling to find work or to join relatives. Girls "
                        "were more often travelling to domestic work, boys to farm and mining "
                        "work."
                    ),
                    (
                        "Family tracing and reunification should start as soon as a child is "
                        "identified. Alternative care in foster families is preferred over "
                        "institutional care.\n\nThe Inshuti z'Umuryango community child "
                        "protection volunteers play a key role: they visit foster families, "
                        "follow up on school enrolment and alert social workers when a placement "
                        "breaks down. In 2024, 87 percent of the UASC identified in Rubavu were "
                        "reunited with their families within three months."
                    ),
                    (
                        "Recommendations: appoint a guardian for every unaccompanied child; train "
                        "border officials in child-sensitive interviewing; never detain children "
                        "for migration reasons.\n\nThe brief also calls for a shared case "
                        "management system between child protection services in Rwanda and in "
                        "neighbouring countries, with safeguards for the confidentiality of "
                        "children's data. UNICEF and the TWG on Protection and "
                        "Counter-Trafficking will follow up these recommendations with district "
                        "authorities in 2025."
                    ),
                ],
            },
        ],
        "related": ["alternatives-to-detention-brief"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "border-management-climate-displacement",
        "title": "Climate change, disasters and displacement in Rwanda",
        "summary": (
            "An overview of displacement caused by floods and landslides, and of preparedness "
            "measures in high-risk districts."
        ),
        "type": "report",
        "objectives": [2, 7, 23],
        "primary": 2,
        "principles": [5, 1],
        "themes": ["climate", "disasters", "displacement"],
        "organisations": ["iom", "minema"],
        "working_group": None,
        "date": "2024-03-30",
        "languages": ["en"],
        "places": [
            "Western Province",
            "Northern Province",
            "Rubavu",
            "Nyabihu",
            "Ngororero",
            "Karongi",
        ],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full report",
                "language": "en",
                "pages": [
                    (
                        "Heavy rains in May 2023 caused floods and landslides in the Western and "
                        "Northern provinces, displacing thousands of households.\n\nThe Sebeya "
                        "river burst its banks in Rubavu, while landslides destroyed homes in "
                        "Nyabihu, Ngororero and Karongi. The report follows the response from the "
                        "first evacuations to the relocation of families from high-risk zones. "
                        "Figures in this report come from MINEMA, districts and IOM assessments."
                    ),
                    (
                        "Internally displaced persons were hosted in schools and churches. The "
                        "displacement tracking matrix recorded needs for shelter, water and "
                        "sanitation.\n\nDTM teams assessed 38 collective sites in the first three "
                        "weeks. Water and sanitation were the most urgent need in 29 of them, "
                        "followed by non-food items and cooking fuel. Women-headed households and "
                        "older persons were overrepresented in sites that remained open after a "
                        "month."
                    ),
                    (
                        "Preparedness: early warning systems, relocation from high-risk zones and "
                        "climate-resilient housing reduce future displacement.\n\nMINEMA's "
                        "disaster risk maps identify the districts where settlements on steep "
                        "slopes and in floodplains are most exposed. Community early warning "
                        "committees tested in Nyabihu reduced evacuation times during the "
                        "following rainy season. Early warning messages were sent by SMS and "
                        "relayed by village leaders and community radio."
                    ),
                    (
                        "Planned relocation must respect the rights of affected communities and "
                        "include consultation before any move.\n\nFamilies relocated to new "
                        "settlements need access to land or jobs, schools and health centres; "
                        "otherwise relocation risks becoming a new driver of migration to Kigali "
                        "City. Monitoring of relocated households in Rubavu and Ngororero should "
                        "continue for at least three years after the move, with findings "
                        "published on the hub."
                    ),
                ],
            },
        ],
        "related": ["dtm-flood-displacement-dataset-2023", "climate-mobility-policy-paper"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "network-quarterly-meeting-minutes-q2-2025",
        "title": "Minutes of the Network's quarterly meeting, second quarter 2025",
        "summary": (
            "Minutes of the quarterly meeting of the UN Network on Migration in Rwanda, with "
            "decisions on the annual workplan and the TWG on labour migration."
        ),
        "type": "meeting-record",
        "objectives": [23],
        "primary": 23,
        "principles": [2, 10],
        "themes": ["network coordination", "workplan"],
        "organisations": ["iom"],
        "working_group": None,
        "date": "2025-06-30",
        "languages": ["en"],
        "places": ["Kigali City"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Minutes",
                "language": "en",
                "pages": [
                    (
                        "Attendance: IOM (chair), RCO, UNICEF, UNHCR, WFP, WHO, UNCDF, "
                        "UNFPA.\n\nThe Secretariat presented progress on the annual workplan. Of "
                        "the 18 activities planned for 2025, seven were completed, eight were on "
                        "track and three were delayed, mainly the translation of guidance into "
                        "Kinyarwanda and the launch of the knowledge hub. The workplan's budget "
                        "execution stood at 46 percent at the end of June."
                    ),
                    (
                        "Decision 1: the TWG on labour migration will draft a policy paper on "
                        "fair recruitment by the end of the third quarter.\n\nDecision 2: the "
                        "Network will support the national migration policy review. Decision 3: "
                        "the Secretariat will circulate a draft data sharing protocol among "
                        "members before the next meeting; comments are due within three weeks. "
                        "UNHCR and UNICEF will report on the protection TWG at the next meeting."
                    ),
                    (
                        "Next meeting: September 2025, hosted by UNHCR.\n\nAny other business: "
                        "WFP informed members about funding shortfalls for food assistance in "
                        "camps, and the RCO recalled that the Network's results must be reported "
                        "in the UNSDCF annual results report by the end of the year. The minutes "
                        "were approved by written procedure on 14 July 2025 and shared with the "
                        "UN Country Team. Action points are tracked in the Secretariat's decision "
                        "log."
                    ),
                ],
            },
        ],
        "related": ["network-quarterly-meeting-minutes-q4-2023"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "diaspora-engagement-toolkit",
        "title": "Diaspora engagement toolkit for local authorities",
        "summary": (
            "A toolkit that helps districts involve the Rwandan diaspora in local development, "
            "investment and skills transfer."
        ),
        "type": "guidance",
        "objectives": [19, 18, 20],
        "primary": 19,
        "principles": [5, 10],
        "themes": ["diaspora", "local development", "investment"],
        "organisations": ["iom", "minaffet"],
        "working_group": None,
        "date": "2023-10-10",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Toolkit",
                "language": "en",
                "pages": [
                    (
                        "The Rwandan diaspora contributes knowledge, investment and networks. "
                        "This toolkit offers districts practical steps to engage them.\n\nIt was "
                        "written by the UN Network on Migration in Rwanda and tested with "
                        "district officers in charge of investment promotion, who asked for "
                        "simple tools rather than another strategy document. The toolkit can be "
                        "used by a district team without external support."
                    ),
                    (
                        "Skills transfer: short assignments of diaspora professionals in "
                        "hospitals and universities strengthen local capacity.\n\nA three-month "
                        "assignment should start with a needs statement from the host "
                        "institution, a named counterpart and a plan for passing skills on, so "
                        "that the benefit remains once the diaspora professional has left. Hosts "
                        "should also plan accommodation, transport and a clear weekly schedule "
                        "before the professional arrives."
                    ),
                    (
                        "Investment: district investment profiles and diaspora investment forums "
                        "connect investors with opportunities.\n\nA good profile lists land "
                        "available for investment, the value chains the district prioritises and "
                        "a contact person. Districts can share their profiles with Rwandan "
                        "embassies and diaspora associations ahead of annual home-coming events. "
                        "Districts should record every investment lead and follow up within a "
                        "month, so that diaspora investors see results."
                    ),
                ],
            },
        ],
        "related": ["diaspora-skills-transfer-news"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- data and evidence
    {
        "slug": "migration-profile-2022",
        "title": "Migration in Rwanda: a country profile 2022",
        "summary": (
            "The first migration profile prepared with the Network, bringing together statistics "
            "on immigration, emigration, internal mobility and refugees."
        ),
        "type": "report",
        "objectives": [1, 23],
        "primary": 1,
        "principles": [9, 3],
        "themes": ["migration data", "migration profile", "statistics"],
        "organisations": ["iom", "nisr"],
        "working_group": "twg-data-evidence",
        "date": "2022-11-18",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Migration profile",
                "language": "en",
                "pages": [
                    (
                        "This profile brings together, for the first time in a single document, "
                        "the statistics available on migration to, from and within Rwanda. It was "
                        "prepared by a drafting team from the NISR and IOM, and reviewed by the "
                        "members of the Network.\n\nFigures are the latest available at the time "
                        "of drafting; several rely on the 2012 census because the 2022 census "
                        "results were not yet published."
                    ),
                    (
                        "Internal migration is dominated by moves from rural districts to Kigali "
                        "City and to secondary cities such as Musanze, Huye and Rubavu. Young "
                        "women move more often than young men, mainly for domestic work and "
                        "studies.\n\nInternational immigration is mostly from neighbouring "
                        "countries. Work permits issued by the DGIE rose steadily before 2020, "
                        "fell sharply during COVID-19 and recovered in 2022."
                    ),
                    (
                        "Rwanda hosted about 127,000 refugees and asylum-seekers at the end of "
                        "2021, most of them from the Democratic Republic of the Congo and "
                        "Burundi, living in five camps and in urban areas.\n\nThe profile lists "
                        "twelve data gaps, starting with the absence of regular data on Rwandans "
                        "living abroad. It recommends a national migration data strategy and a "
                        "new edition within three years."
                    ),
                ],
            },
        ],
        "related": ["migration-data-assessment"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "migration-profile-2025",
        "title": "Migration in Rwanda: a country profile 2025",
        "summary": (
            "The second edition of the migration profile, updated with the 2022 census, new "
            "border data and the first estimates of emigration by district."
        ),
        "type": "report",
        "objectives": [1, 17, 23],
        "primary": 1,
        "principles": [9, 3, 7],
        "themes": ["migration data", "migration profile", "statistics", "census"],
        "organisations": ["nisr", "iom", "unfpa"],
        "working_group": "twg-data-evidence",
        "date": "2025-12-09",
        "languages": ["en", "fr"],
        "places": ["Rwanda", "Kigali City", "Gasabo", "Nyarugenge", "Kicukiro"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Migration profile",
                "language": "en",
                "pages": [
                    (
                        "This second edition updates the 2022 profile with the results of the "
                        "fifth population and housing census, the electronic border crossing "
                        "records of the DGIE and refugee registration data. Each chapter now "
                        "opens with a short summary for decision makers.\n\nThe profile was "
                        "steered by the TWG on Data and Evidence, and its figures were validated "
                        "by the NISR. Thirty-one experts took part."
                    ),
                    (
                        "For the first time, the census allows an estimate of emigration by "
                        "district. Households in Kigali City reported the most members living "
                        "abroad, followed by Rubavu, Rusizi and Nyagatare, districts that share a "
                        "border with a neighbouring country.\n\nIn Gasabo, Nyarugenge and "
                        "Kicukiro, most emigrants were students or skilled workers; in border "
                        "districts most had left for seasonal or cross-border work."
                    ),
                    (
                        "A new chapter looks at public perceptions of migration, using questions "
                        "added to a national survey in 2024. A majority of respondents saw labour "
                        "migration as an opportunity for young people, while a quarter associated "
                        "it with trafficking risks.\n\nThe profile recommends that the next "
                        "edition be published in 2028, using a standard set of 40 indicators. "
                        "These indicators match the GCM objectives."
                    ),
                ],
            },
            {
                "format": "pdf",
                "label": "Profil migratoire (version française)",
                "language": "fr",
                "pages": [
                    (
                        "Cette deuxième édition met à jour le profil de 2022 à partir des "
                        "résultats du cinquième recensement général de la population et de "
                        "l'habitat, des enregistrements électroniques des passages aux frontières "
                        "de la DGIE et des données d'enregistrement des réfugiés. Chaque chapitre "
                        "s'ouvre désormais sur une courte synthèse destinée aux décideurs.\n\nLe "
                        "profil a été piloté par le groupe de travail technique sur les données "
                        "et les preuves, et ses chiffres ont été validés par le NISR."
                    ),
                    (
                        "Pour la première fois, le recensement permet d'estimer l'émigration par "
                        "district. Les ménages de la ville de Kigali déclarent le plus grand "
                        "nombre de membres vivant à l'étranger, suivis de ceux de Rubavu, Rusizi "
                        "et Nyagatare, districts frontaliers d'un pays voisin.\n\nÀ Gasabo, "
                        "Nyarugenge et Kicukiro, la plupart des émigrés sont des étudiants ou des "
                        "travailleurs qualifiés ; dans les districts frontaliers, la plupart sont "
                        "partis pour un travail saisonnier ou transfrontalier."
                    ),
                    (
                        "Un nouveau chapitre porte sur la perception de la migration par le "
                        "public, à partir de questions ajoutées à une enquête nationale en 2024. "
                        "Une majorité des personnes interrogées voient la migration de travail "
                        "comme une chance pour les jeunes, tandis qu'un quart l'associent aux "
                        "risques de traite.\n\nLe profil recommande de publier la prochaine "
                        "édition en 2028, sur la base d'un ensemble normalisé de 40 indicateurs."
                    ),
                ],
            },
        ],
        "related": ["migration-data-assessment", "public-perceptions-migration-study"],
        "translation_of": None,
        "edition_of": "migration-profile-2022",
    },
    {
        "slug": "dtm-flood-displacement-dataset-2023",
        "title": "Displacement tracking after the May 2023 floods: site assessment dataset",
        "summary": (
            "Site-level data on internally displaced households hosted in collective sites after "
            "the floods and landslides of May 2023 in the Western and Northern provinces."
        ),
        "type": "dataset",
        "objectives": [1, 2, 7],
        "primary": 1,
        "principles": [1, 5],
        "themes": ["climate", "displacement", "disasters", "dtm"],
        "organisations": ["iom", "minema"],
        "working_group": "twg-data-evidence",
        "date": "2023-07-21",
        "languages": ["en"],
        "places": [
            "Western Province",
            "Northern Province",
            "Rubavu",
            "Nyabihu",
            "Ngororero",
            "Rutsiro",
            "Karongi",
            "Musanze",
        ],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Dataset description and codebook",
                "language": "en",
                "pages": [
                    (
                        "This dataset contains the results of three rounds of site assessments "
                        "conducted with the Displacement Tracking Matrix (DTM) between 8 May and "
                        "30 June 2023. Enumerators visited every collective site hosting "
                        "internally displaced persons in the affected districts.\n\nOne row "
                        "corresponds to one site in one round. The dataset covers 38 sites in "
                        "Rubavu, Nyabihu, Ngororero, Rutsiro, Karongi and Musanze districts."
                    ),
                    (
                        "Variables: round, assessment date, province, district, sector, site "
                        "name, site type (school, church, tent, other), GPS coordinates, number "
                        "of households, number of individuals by sex and age group, number of "
                        "persons with disabilities, priority needs ranked one to three, "
                        "availability of latrines separated by sex, lighting, and presence of a "
                        "site focal point.\n\nAge groups follow the standard DTM breakdown: under "
                        "5, 5 to 17, 18 to 59, and 60 and over."
                    ),
                    (
                        "Methodology: data were collected through key informant interviews with "
                        "site focal points and sector officials, and checked by direct "
                        "observation. Figures are estimates and should not be added across "
                        "rounds.\n\nPeak displacement was recorded in round one with 6,420 "
                        "households (about 26,300 IDP). By round three, 71 percent of sites had "
                        "closed as families returned or moved to relatives. Coordinates of sites "
                        "that hosted children without parents are withheld."
                    ),
                ],
            },
        ],
        "related": ["border-management-climate-displacement"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "border-crossings-dataset",
        "title": "Monthly border crossings at Rwanda's main points of entry, 2019-2024",
        "summary": (
            "Aggregated monthly counts of entries and exits at land borders and Kigali "
            "International Airport, by nationality group and sex."
        ),
        "type": "dataset",
        "objectives": [1, 11],
        "primary": 1,
        "principles": [3, 9],
        "themes": ["border management", "migration data", "cross-border trade"],
        "organisations": ["dgie", "iom"],
        "working_group": "twg-data-evidence",
        "date": "2024-04-22",
        "languages": ["en"],
        "places": ["Rwanda", "Rubavu", "Rusizi", "Gicumbi", "Kirehe", "Nyagatare", "Bugesera"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Codebook",
                "language": "en",
                "pages": [
                    (
                        "The dataset holds aggregated monthly counts of movements recorded at "
                        "Rwanda's main points of entry between January 2019 and December 2024. It "
                        "is published by the DGIE with technical support from IOM; no individual "
                        "records are shared.\n\nPoints of entry covered: Kigali International "
                        "Airport, Grande Barrière and Petite Barrière (Rubavu), Rusizi I and "
                        "Rusizi II, Gatuna (Gicumbi), Rusumo (Kirehe), Kagitumba (Nyagatare) and "
                        "Nemba (Bugesera)."
                    ),
                    (
                        "Variables: year, month, point of entry, direction (entry or exit), "
                        "nationality group (Rwandan, East African Community, other African, rest "
                        "of the world), sex, and number of movements. A flag marks months in "
                        "which a border was closed or partly closed.\n\nMovements are counted, "
                        "not persons: a cross-border trader who crosses every day appears many "
                        "times. Users should not read the totals as the number of migrants."
                    ),
                    (
                        "The closures of 2020 and the partial reopening of land borders in 2022 "
                        "are visible in the series. Petite Barrière in Rubavu alone accounts for "
                        "more than half of all land movements in a normal month, reflecting daily "
                        "exchanges between Gisenyi and Goma.\n\nCounts below ten are suppressed "
                        "to protect privacy. The series will be updated every year by the TWG on "
                        "Data and Evidence."
                    ),
                ],
            },
        ],
        "related": ["integrated-border-management-report"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "refugee-population-dataset-2025",
        "title": "Refugees and asylum-seekers in Rwanda by location, 2025",
        "summary": (
            "Quarterly figures on refugees and asylum-seekers by camp, urban location, country of "
            "origin, sex and age."
        ),
        "type": "dataset",
        "objectives": [1, 15, 16],
        "primary": 1,
        "principles": [6, 2],
        "themes": ["refugees", "population data"],
        "organisations": ["unhcr"],
        "working_group": "twg-data-evidence",
        "date": "2025-10-15",
        "languages": ["en"],
        "places": [
            "Rwanda",
            "Kirehe",
            "Karongi",
            "Gatsibo",
            "Nyamagabe",
            "Gisagara",
            "Bugesera",
            "Kigali City",
        ],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Dataset description",
                "language": "en",
                "pages": [
                    (
                        "This dataset reports the number of refugees and asylum-seekers "
                        "registered in Rwanda at the end of each quarter of 2025. It is derived "
                        "from the registration database and aggregated before "
                        "publication.\n\nLocations: Mahama camp (Kirehe), Kiziba camp (Karongi), "
                        "Nyabiheke camp (Gatsibo), Kigeme camp (Nyamagabe), Mugombwa camp "
                        "(Gisagara), the Gashora Emergency Transit Mechanism (Bugesera) and urban "
                        "refugees in Kigali City and Huye."
                    ),
                    (
                        "Variables: quarter, location, country of origin, sex, age group (0-4, "
                        "5-11, 12-17, 18-59, 60+), number of persons, and number of persons with "
                        "specific needs. Countries with fewer than five persons in a location are "
                        "grouped as 'other'.\n\nChildren make up close to half of the camp "
                        "population, which matters for planning schools and child protection "
                        "services. Persons with specific needs are counted once, whatever the "
                        "number of needs."
                    ),
                    (
                        "Methodology notes: figures include new arrivals registered during the "
                        "quarter and exclude departures for resettlement or voluntary return. "
                        "Verification exercises can lead to corrections of earlier quarters; the "
                        "latest file always supersedes the previous one.\n\nThe dataset is also "
                        "available on the UNHCR operational data portal. Questions can be "
                        "addressed to the TWG on Data and Evidence through the Network "
                        "Secretariat."
                    ),
                ],
            },
        ],
        "related": ["unhcr-rwanda-data-portal"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "remittance-prices-dataset",
        "title": "Cost of sending money to Rwanda: corridor price survey 2025",
        "summary": (
            "Prices of sending 200 US dollars to Rwanda from eight corridors, by provider type "
            "and channel, collected quarterly."
        ),
        "type": "dataset",
        "objectives": [20],
        "primary": 20,
        "principles": [5, 2],
        "themes": ["remittances", "financial inclusion", "mobile money"],
        "organisations": ["uncdf"],
        "working_group": "twg-labour-migration",
        "date": "2025-08-04",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Methodology note",
                "language": "en",
                "pages": [
                    (
                        "This dataset records the total cost of sending the equivalent of 200 US "
                        "dollars to a recipient in Rwanda. Prices were collected by mystery "
                        "shopping and from providers' websites in the first week of each quarter "
                        "of 2025.\n\nCorridors: Uganda, Kenya, Tanzania, Democratic Republic of "
                        "the Congo, United Arab Emirates, Belgium, France and the United States. "
                        "Prices are recorded in US dollars."
                    ),
                    (
                        "Variables: quarter, sending country, provider type (bank, money transfer "
                        "operator, mobile money operator, fintech), channel (cash, account, "
                        "mobile wallet), fee, exchange rate margin, total cost in percent, and "
                        "speed of delivery.\n\nThe total cost adds the fee and the exchange rate "
                        "margin. It is the measure used for SDG indicator 10.c.1, which sets a "
                        "target of three percent by 2030."
                    ),
                    (
                        "Highlights: the cheapest corridor was Uganda to Rwanda through mobile "
                        "wallets at 2.8 percent; the most expensive was cash from the United Arab "
                        "Emirates at 9.6 percent. Digital channels were cheaper than cash in "
                        "every corridor.\n\nThe dataset complements the UNCDF study on "
                        "remittances and financial inclusion, and can be compared with the World "
                        "Bank's global Remittance Prices Worldwide database."
                    ),
                ],
            },
        ],
        "related": ["remittances-financial-inclusion-study"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "food-security-refugee-host-dataset",
        "title": "Food security of refugee and host community households, 2024",
        "summary": (
            "Household survey data on food consumption, coping strategies and livelihoods in "
            "refugee camps and neighbouring villages."
        ),
        "type": "dataset",
        "objectives": [7, 15, 1],
        "primary": 7,
        "principles": [1, 7, 8],
        "themes": ["food security", "refugees", "nutrition"],
        "organisations": ["wfp", "unhcr"],
        "working_group": None,
        "date": "2024-09-30",
        "languages": ["en"],
        "places": ["Kirehe", "Gatsibo", "Karongi", "Nyamagabe", "Gisagara"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Dataset description",
                "language": "en",
                "pages": [
                    (
                        "The dataset contains anonymised results of a household survey conducted "
                        "in March and April 2024 in the five refugee camps and in villages within "
                        "ten kilometres of each camp. It was designed to inform the targeting of "
                        "food assistance.\n\nThe sample includes 2,150 refugee households and 860 "
                        "host community households in Kirehe, Gatsibo, Karongi, Nyamagabe and "
                        "Gisagara districts. Data collection used tablets."
                    ),
                    (
                        "Key variables: food consumption score, reduced coping strategy index, "
                        "livelihood coping strategies, share of expenditure on food, sources of "
                        "income, household size, sex and age of the head of household, and "
                        "presence of a person with a disability or a chronic illness.\n\nThe "
                        "survey also measured minimum dietary diversity for women (MDD-W) and for "
                        "children aged 6 to 23 months."
                    ),
                    (
                        "Findings show that households headed by women and households without "
                        "income from work were the most likely to have poor or borderline food "
                        "consumption. Host households near Mahama relied on casual labour in the "
                        "camp economy.\n\nWeights must be applied to produce camp-level "
                        "estimates. The dataset is shared under a data sharing agreement that "
                        "forbids attempts to re-identify households. Access is granted on request."
                    ),
                ],
            },
        ],
        "related": ["food-assistance-refugees-report"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- labour and skills
    {
        "slug": "ethical-recruitment-training-module",
        "title": "Ethical recruitment: training module for labour inspectors and agencies",
        "summary": (
            "A two-day training module on fair recruitment standards, for labour inspectors and "
            "private recruitment agencies."
        ),
        "type": "training",
        "objectives": [6, 18],
        "primary": 6,
        "principles": [4, 6, 10],
        "themes": ["fair recruitment", "labour migration", "training"],
        "organisations": ["iom", "mifotra"],
        "working_group": "twg-labour-migration",
        "date": "2024-05-27",
        "languages": ["en"],
        "places": ["Kigali City", "Musanze"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Facilitator's guide",
                "language": "en",
                "pages": [
                    (
                        "This module prepares labour inspectors and staff of recruitment agencies "
                        "to apply fair recruitment standards. It lasts two days and combines "
                        "short presentations, case studies and role plays.\n\nSession 1 "
                        "introduces the ILO General Principles and Operational Guidelines for "
                        "Fair Recruitment and the IOM International Recruitment Integrity System "
                        "(IRIS). It also explains Rwanda's rules on licensing private recruitment "
                        "agencies and how MIFOTRA's labour inspectors enforce them."
                    ),
                    (
                        "Session 2 follows a worker through the recruitment cycle, from the job "
                        "advertisement to arrival at the workplace. Participants identify where "
                        "fees are charged, where deception may occur and which documents the "
                        "worker should receive.\n\nSession 3 is a role play: an inspector visits "
                        "an agency in Kigali that advertises jobs for domestic workers abroad and "
                        "checks its licence, contracts and fee records."
                    ),
                    (
                        "Session 4 covers complaints and remedies: how a worker abroad can file a "
                        "complaint, how labour inspectors follow it up and when a case must be "
                        "referred to the police as possible trafficking.\n\nThe module was "
                        "piloted with 31 participants in Kigali City and Musanze in May 2024. "
                        "Evaluations asked for more practice on reading employment contracts. A "
                        "revised version adds a contract-reading exercise."
                    ),
                ],
            },
        ],
        "related": ["labour-migration-policy-brief-2025"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "regular-labour-pathways-paper",
        "title": "Expanding regular labour mobility pathways for Rwandan workers",
        "summary": (
            "A policy paper on bilateral labour agreements, pre-departure orientation and social "
            "protection for Rwandans who work abroad."
        ),
        "type": "policy-paper",
        "objectives": [5, 6, 22],
        "primary": 5,
        "principles": [2, 3, 9],
        "themes": ["labour migration", "bilateral agreements", "social protection"],
        "organisations": ["mifotra", "iom", "migrant-workers-association"],
        "working_group": "twg-labour-migration",
        "date": "2025-10-20",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy paper",
                "language": "en",
                "pages": [
                    (
                        "Rwanda's young population and its investment in skills make regular "
                        "labour mobility an opportunity, provided that it is safe and fair. This "
                        "paper reviews how bilateral labour agreements and memoranda of "
                        "understanding can open regular pathways.\n\nIt was requested by the "
                        "Network at its quarterly meeting of June 2025 and drafted by the TWG on "
                        "Labour Migration and Skills. It covers low-skilled and skilled workers."
                    ),
                    (
                        "Good agreements share five features: they name the sectors and "
                        "occupations concerned; they ban recruitment fees for workers; they set a "
                        "standard employment contract; they create a joint committee that meets "
                        "regularly; and they address social security.\n\nPre-departure "
                        "orientation should cover rights at work, culture, remittances and how to "
                        "contact the embassy, and should be free for workers. It should also "
                        "cover health and safety."
                    ),
                    (
                        "The paper proposes a national labour mobility information system linking "
                        "job offers, licensed agencies, contracts and returns, managed by "
                        "MIFOTRA. Its data would also help to measure progress on GCM objectives "
                        "5 and 6.\n\nWorkers' organisations, including migrant worker "
                        "associations, should sit on the joint committees so that problems raised "
                        "by workers abroad reach negotiators. Their presence builds trust among "
                        "workers and employers alike."
                    ),
                ],
            },
        ],
        "related": ["social-security-portability-study", "labour-migration-policy-brief-2025"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "social-security-portability-study",
        "title": "Portability of social security for Rwandan migrant workers",
        "summary": (
            "A study of how Rwandan workers abroad and foreign workers in Rwanda can keep their "
            "pension and health rights when they move."
        ),
        "type": "study",
        "objectives": [22, 6],
        "primary": 22,
        "principles": [6, 2],
        "themes": ["social protection", "pensions", "labour migration"],
        "organisations": ["mifotra", "rco"],
        "working_group": "twg-labour-migration",
        "date": "2024-02-12",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full study",
                "language": "en",
                "pages": [
                    (
                        "Workers who move between countries often lose social security rights "
                        "they have earned. This study looks at what happens to the pension and "
                        "health contributions of Rwandans working abroad and of foreign workers "
                        "employed in Rwanda.\n\nIt reviews national legislation, the East African "
                        "Community framework on social security coordination, and the practice of "
                        "the Rwanda Social Security Board (RSSB). It was commissioned by the TWG "
                        "on Labour Migration and Skills."
                    ),
                    (
                        "Foreign workers employed in the formal sector in Rwanda contribute to "
                        "the pension scheme like nationals. When they leave, they face long "
                        "procedures to claim benefits, and few know their rights.\n\nRwandans "
                        "working abroad usually contribute to the scheme of the destination "
                        "country, if at all. Domestic workers in the Gulf states are rarely "
                        "covered. Informal workers, on both sides, are seldom covered by any "
                        "scheme."
                    ),
                    (
                        "Options include bilateral social security agreements with the main "
                        "destination countries, voluntary contributions to the national long-term "
                        "savings scheme (Ejo Heza) from abroad, and totalisation of periods "
                        "within the East African Community.\n\nThe study estimates that fewer "
                        "than one in ten Rwandan migrant workers interviewed had any pension "
                        "coverage during their time abroad. Bilateral agreements should start "
                        "with the corridors that employ the most Rwandan workers."
                    ),
                ],
            },
        ],
        "related": ["regular-labour-pathways-paper"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "skills-recognition-guidance",
        "title": "Recognition of skills and qualifications of returning migrants",
        "summary": (
            "Guidance on how returnees and migrants can have skills learnt abroad assessed and "
            "certified, and how employers can use the certificates."
        ),
        "type": "guidance",
        "objectives": [18, 5, 21],
        "primary": 18,
        "principles": [5, 9],
        "themes": ["skills", "qualifications", "returnees", "tvet"],
        "organisations": ["mifotra", "university-of-rwanda", "iom"],
        "working_group": "twg-labour-migration",
        "date": "2026-03-16",
        "languages": ["en", "fr"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Guidance note",
                "language": "en",
                "pages": [
                    (
                        "Many migrants learn skills abroad that are not recorded on any "
                        "certificate: a mason in a construction site, a cook in a hotel, a nurse "
                        "aide in a care home. Without recognition, these skills are lost on "
                        "return.\n\nThis guidance explains the three routes available in Rwanda: "
                        "equivalence of foreign diplomas, assessment and certification of prior "
                        "learning, and short top-up courses."
                    ),
                    (
                        "Foreign university degrees are recognised by the Higher Education "
                        "Council (HEC). Technical and vocational qualifications are handled "
                        "through the Rwanda TVET Board (RTB), which can assess prior learning "
                        "against the national occupational standards.\n\nA returnee who worked "
                        "for five years as an electrician in Dubai, without a diploma, can apply "
                        "for an assessment and obtain a TVET certificate at level 3 or 4."
                    ),
                    (
                        "Employers should accept recognition of prior learning certificates as "
                        "equal to other certificates at the same level. Districts can cover "
                        "assessment fees for returnees as part of reintegration support.\n\nThe "
                        "guidance includes a checklist for returnees and a model letter of "
                        "reference that employers abroad can complete before the worker leaves. "
                        "Both documents are available in English, French and Kinyarwanda."
                    ),
                ],
            },
            {
                "format": "pdf",
                "label": "Note d'orientation (version française)",
                "language": "fr",
                "pages": [
                    (
                        "Beaucoup de migrants acquièrent à l'étranger des compétences qui ne "
                        "figurent sur aucun certificat : maçon sur un chantier, cuisinier dans un "
                        "hôtel, aide-soignant dans une maison de retraite. Sans reconnaissance, "
                        "ces compétences sont perdues au retour.\n\nCette note présente les trois "
                        "voies disponibles au Rwanda : l'équivalence des diplômes étrangers, "
                        "l'évaluation et la certification des acquis de l'expérience, et des "
                        "formations courtes de mise à niveau."
                    ),
                    (
                        "Les diplômes universitaires étrangers sont reconnus par le Conseil de "
                        "l'enseignement supérieur (HEC). Les qualifications techniques et "
                        "professionnelles relèvent du Rwanda TVET Board (RTB), qui peut évaluer "
                        "les acquis par rapport aux normes professionnelles nationales.\n\nUn "
                        "migrant de retour ayant travaillé cinq ans comme électricien à Dubaï, "
                        "sans diplôme, peut demander une évaluation et obtenir un certificat TVET "
                        "de niveau 3 ou 4."
                    ),
                    (
                        "Les employeurs devraient accepter les certificats de reconnaissance des "
                        "acquis au même titre que les autres certificats du même niveau. Les "
                        "districts peuvent prendre en charge les frais d'évaluation dans le cadre "
                        "de l'appui à la réintégration.\n\nLa note comprend une liste de contrôle "
                        "pour les migrants de retour et un modèle de lettre de référence à faire "
                        "remplir par l'employeur avant le départ du travailleur."
                    ),
                ],
            },
        ],
        "related": ["return-reintegration-framework"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "women-domestic-workers-brief",
        "title": "Rwandan women in domestic work abroad: risks and protection",
        "summary": (
            "A brief on the recruitment and working conditions of Rwandan women employed as "
            "domestic workers abroad, with gender-responsive recommendations."
        ),
        "type": "policy-brief",
        "objectives": [6, 7, 14],
        "primary": 6,
        "principles": [7, 6],
        "themes": ["domestic work", "gender", "labour migration"],
        "organisations": ["unfpa", "iom", "migrant-workers-association"],
        "working_group": "twg-labour-migration",
        "date": "2026-07-08",
        "languages": ["en"],
        "places": ["Rwanda", "Kigali City", "Rubavu", "Nyagatare"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy brief",
                "language": "en",
                "pages": [
                    (
                        "Domestic work is the first job abroad for many young Rwandan women. It "
                        "is also the sector in which workers are the most isolated, because they "
                        "live in their employer's home and are often excluded from labour "
                        "law.\n\nThis brief draws on 48 interviews with women who returned to "
                        "Kigali City, Rubavu and Nyagatare between 2023 and 2025. All interviews "
                        "were held by women researchers."
                    ),
                    (
                        "Women reported long working hours without a weekly day off, confiscation "
                        "of passports and mobile phones, and unpaid wages. Eleven described "
                        "sexual harassment or violence; only two had been able to report "
                        "it.\n\nSeveral women had been recruited informally through social media "
                        "and travelled on a visitor visa, which left them without a contract or "
                        "legal status. Several had paid high informal fees to brokers."
                    ),
                    (
                        "Recommendations: include domestic workers in bilateral labour "
                        "agreements; require a day off and the right to keep one's passport in "
                        "every standard contract; appoint women labour attachés; and give GBV "
                        "survivors who return access to the Isange One Stop Centres and to "
                        "MHPSS.\n\nPre-departure orientation should be designed with women who "
                        "have worked abroad. Returnee women's groups in Kigali City already "
                        "provide peer support and could help."
                    ),
                ],
            },
        ],
        "related": ["gbv-migrant-women-brief", "consular-assistance-guidance"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "youth-migration-aspirations-study",
        "title": "Why young Rwandans want to migrate: aspirations and information",
        "summary": (
            "A study of the migration aspirations of young people aged 18 to 30, the information "
            "they rely on and their exposure to risky offers."
        ),
        "type": "study",
        "objectives": [2, 3, 18],
        "primary": 2,
        "principles": [1, 7, 5],
        "themes": ["youth", "migration aspirations", "information"],
        "organisations": ["unfpa", "university-of-rwanda"],
        "working_group": None,
        "date": "2022-08-25",
        "languages": ["en"],
        "places": ["Rwanda", "Kigali City", "Huye", "Musanze", "Rusizi", "Kayonza"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full study",
                "language": "en",
                "pages": [
                    (
                        "This study surveyed 1,500 young people aged 18 to 30 in Kigali City and "
                        "in the districts of Huye, Musanze, Rusizi and Kayonza. It asked whether "
                        "they wished to live or work abroad, why, and how they would go about "
                        "it.\n\nThe survey was designed with the College of Arts and Social "
                        "Sciences of the University of Rwanda and carried out by trained student "
                        "enumerators."
                    ),
                    (
                        "About one in three respondents said they would like to work abroad for a "
                        "few years; fewer than one in ten wished to settle abroad permanently. "
                        "Unemployment and low wages were the main reasons, followed by the wish "
                        "to study.\n\nYoung women more often cited the wish to support their "
                        "families, and young men the wish to start a business on return."
                    ),
                    (
                        "Social media and friends were the main sources of information about jobs "
                        "abroad. Fewer than a quarter knew that recruitment agencies must be "
                        "licensed, and 14 percent had received an offer they later found to be "
                        "false.\n\nThe study recommends information campaigns in schools, TVET "
                        "centres and youth centres, using returnees as messengers. It also calls "
                        "for a free hotline to check job offers and the licences of recruitment "
                        "agencies before paying any money."
                    ),
                ],
            },
        ],
        "related": ["safe-migration-information-campaign-report"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- information and rights
    {
        "slug": "safe-migration-information-campaign-report",
        "title": "Safe migration information campaign in border districts: results",
        "summary": (
            "Results of a campaign on safe and regular migration run through radio, community "
            "meetings and youth centres in three border districts."
        ),
        "type": "report",
        "objectives": [3, 10],
        "primary": 3,
        "principles": [10, 1],
        "themes": ["information", "awareness", "trafficking", "youth"],
        "organisations": ["iom", "dgie"],
        "working_group": "twg-protection",
        "date": "2024-12-06",
        "languages": ["en"],
        "places": ["Western Province", "Eastern Province", "Rubavu", "Rusizi", "Nyagatare"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Campaign report",
                "language": "en",
                "pages": [
                    (
                        "Between March and October 2024 the campaign reached young people in "
                        "Rubavu, Rusizi and Nyagatare with information on how to migrate safely "
                        "and regularly. It combined radio programmes in Kinyarwanda, community "
                        "meetings (Inteko z'Abaturage) and sessions in youth centres.\n\nThe "
                        "campaign's motto, 'Menya mbere yo kugenda' (know before you go), was "
                        "chosen by young people during a design workshop. It was funded through "
                        "the Network's joint workplan."
                    ),
                    (
                        "Twelve radio programmes were broadcast on community radio stations, each "
                        "with a returnee, an official of the DGIE and a call-in segment. "
                        "Community meetings reached about 9,800 people, and 2,300 young people "
                        "attended youth centre sessions.\n\nThe most frequent questions concerned "
                        "passports, the cost of visas and how to check whether a recruitment "
                        "agency is licensed. Many questions also concerned work in the Gulf "
                        "states."
                    ),
                    (
                        "A survey before and after the campaign showed that the share of young "
                        "people who knew how to check an agency's licence rose from 21 to 58 "
                        "percent. Knowledge of TIP indicators also improved.\n\nLessons: messages "
                        "work best when they come from returnees; printed leaflets in Kinyarwanda "
                        "were kept and shared; and radio call-in programmes revealed rumours that "
                        "could be corrected on air."
                    ),
                ],
            },
        ],
        "related": ["safe-migration-leaflet-rw", "youth-migration-aspirations-study"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "safe-migration-leaflet-rw",
        "title": "Menya mbere yo kugenda: inama ku kwimuka mu buryo butekanye",
        "summary": (
            "A leaflet in Kinyarwanda for people planning to work abroad: how to check a "
            "recruitment agency, what a contract should say and the signs of trafficking."
        ),
        "type": "guidance",
        "objectives": [3, 10, 6],
        "primary": 3,
        "principles": [1, 10],
        "themes": ["information", "trafficking", "labour migration"],
        "organisations": ["iom", "dgie"],
        "working_group": "twg-protection",
        "date": "2024-03-11",
        "languages": ["rw"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Agatabo",
                "language": "rw",
                "pages": [
                    (
                        "Mbere yo kujya gukora mu mahanga, banza umenye neza ikigo kigushakira "
                        "akazi. Ikigo cyemewe gifite uruhushya rutangwa na Leta, kandi ushobora "
                        "kubaza niba uruhushya rwacyo rukiri rwo.\n\nNtukishyure amafaranga yo "
                        "gushakirwa akazi: umukoresha ni we ugomba kuyishyura. Saba amasezerano "
                        "y'akazi yanditse mu Kinyarwanda mbere yo kugenda, kandi uyasome neza. "
                        "Reba umushahara, amasaha y'akazi, iminsi y'ikiruhuko n'aho uzaba. Niba "
                        "ufite ikibazo, baza ku biro by'akarere kawe."
                    ),
                    (
                        "Ibimenyetso by'icuruzwa ry'abantu: umukoresha akwambura pasiporo, "
                        "ukoreshwa amasaha menshi nta kiruhuko, ubuzwa kuvugana n'umuryango wawe, "
                        "cyangwa ubwirwa ko ufite umwenda ugomba kwishyura mbere yo "
                        "guhembwa.\n\nNiba ubona ibi bimenyetso, hamagara Ambasade y'u Rwanda iri "
                        "hafi yawe cyangwa ubimenyeshe Urwego rw'Igihugu rw'Ubugenzacyaha (RIB). "
                        "Bika kopi ya pasiporo yawe n'amasezerano yawe, kandi usige kopi mu "
                        "muryango wawe. Ibi bizagufasha igihe ukeneye ubufasha."
                    ),
                ],
            },
        ],
        "related": ["safe-migration-information-campaign-report"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "legal-identity-documentation-brief",
        "title": (
            "Legal identity for all: documentation of refugees, returnees and stateless persons"
        ),
        "summary": (
            "A brief on birth registration, identity cards and travel documents for refugees, "
            "returnees and persons at risk of statelessness in Rwanda."
        ),
        "type": "policy-brief",
        "objectives": [4, 15],
        "primary": 4,
        "principles": [6, 4, 8],
        "themes": ["legal identity", "birth registration", "statelessness"],
        "organisations": ["unhcr", "dgie", "unicef"],
        "working_group": "twg-protection",
        "date": "2023-05-18",
        "languages": ["en"],
        "places": ["Rwanda", "Kirehe", "Karongi"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy brief",
                "language": "en",
                "pages": [
                    (
                        "Proof of legal identity opens the door to school, health insurance, a "
                        "bank account and a job. This brief reviews how refugees, returnees and "
                        "persons at risk of statelessness obtain documents in Rwanda.\n\nRefugees "
                        "aged 16 and over receive a refugee identity card, which is accepted by "
                        "banks and mobile money operators, and can apply for a convention travel "
                        "document."
                    ),
                    (
                        "Birth registration has improved since births could be registered "
                        "directly at health facilities. In the camps, most children born since "
                        "2020 have a birth certificate; gaps remain for older children born "
                        "before arriving in Rwanda.\n\nIn Mahama (Kirehe) and Kiziba (Karongi), "
                        "mobile registration days organised with the civil registration offices "
                        "issued 1,140 late birth certificates in 2022. Fees for late registration "
                        "were waived during these days."
                    ),
                    (
                        "Some returnees who lived abroad for decades, and their children born "
                        "abroad, struggle to prove their Rwandan nationality. Without documents "
                        "they cannot obtain a national ID card.\n\nRecommendations: continue late "
                        "birth registration campaigns; simplify procedures for returnees without "
                        "documents; and map persons at risk of statelessness in line with the "
                        "pledges Rwanda made to end statelessness. The brief also calls for data "
                        "on statelessness to be published."
                    ),
                ],
            },
        ],
        "related": ["refugee-population-dataset-2025"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "public-perceptions-migration-study",
        "title": "Public perceptions of migrants and refugees in Rwanda",
        "summary": (
            "A study of how Rwandans perceive migrants and refugees, and of how the media report "
            "on migration."
        ),
        "type": "study",
        "objectives": [17, 16],
        "primary": 17,
        "principles": [6, 10],
        "themes": ["social cohesion", "media", "public perceptions"],
        "organisations": ["university-of-rwanda", "iom", "unhcr"],
        "working_group": "twg-data-evidence",
        "date": "2023-09-14",
        "languages": ["en"],
        "places": ["Rwanda", "Kirehe", "Nyamagabe", "Kigali City"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full study",
                "language": "en",
                "pages": [
                    (
                        "How people perceive migrants shapes the chances of inclusion. This study "
                        "combined a survey of 1,000 adults, focus groups in communities hosting "
                        "refugees, and an analysis of 600 news articles published between 2019 "
                        "and 2022.\n\nFocus groups were held in villages near Mahama camp in "
                        "Kirehe and Kigeme camp in Nyamagabe, and in two sectors of Kigali City. "
                        "The survey covered all five provinces."
                    ),
                    (
                        "Most respondents expressed positive or neutral views of refugees, often "
                        "referring to Rwanda's own history of displacement. Concerns focused on "
                        "competition for land, firewood and casual jobs.\n\nViews of labour "
                        "migrants from neighbouring countries were more mixed in Kigali City, "
                        "where some respondents blamed them for lower wages in construction. "
                        "Younger respondents and those who had lived abroad themselves held the "
                        "most positive views of migrants and refugees."
                    ),
                    (
                        "In the media sample, migration was mostly covered through official "
                        "events and crises; migrants themselves were quoted in only 12 percent of "
                        "articles.\n\nThe study recommends training for journalists, a glossary "
                        "of migration terms in Kinyarwanda, English and French, and more joint "
                        "activities between refugees and host communities, such as the shared "
                        "markets and sports events that focus groups praised."
                    ),
                ],
            },
        ],
        "related": ["media-reporting-migration-training", "social-cohesion-host-communities-study"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "media-reporting-migration-training",
        "title": "Reporting on migration: a training course for journalists",
        "summary": (
            "Material for a one-day course that helps journalists report accurately and fairly on "
            "migrants, refugees and trafficking."
        ),
        "type": "training",
        "objectives": [17, 3],
        "primary": 17,
        "principles": [6, 10],
        "themes": ["media", "public perceptions", "training"],
        "organisations": ["iom", "rco", "university-of-rwanda"],
        "working_group": None,
        "date": "2024-10-02",
        "languages": ["en"],
        "places": ["Kigali City", "Huye"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Course material",
                "language": "en",
                "pages": [
                    (
                        "This course helps journalists report on migration accurately, fairly and "
                        "safely. It was developed with the School of Journalism and Communication "
                        "of the University of Rwanda and delivered in Kigali City and "
                        "Huye.\n\nModule 1 introduces the key terms: migrant, refugee, "
                        "asylum-seeker, IDP, returnee, victim of trafficking and smuggled "
                        "migrant, and explains why using the right word matters. Each module "
                        "lasts about ninety minutes."
                    ),
                    (
                        "Module 2 is about sources: where to find reliable migration data, how to "
                        "read a dataset on border crossings, and how to check figures circulated "
                        "on social media.\n\nModule 3 covers interviews with people in vulnerable "
                        "situations. Journalists must obtain informed consent, protect the "
                        "identity of children and victims of trafficking, and avoid "
                        "retraumatising survivors of GBV. A checklist for safe interviews is "
                        "provided as a handout."
                    ),
                    (
                        "Module 4 is a practical exercise: participants rewrite a real headline "
                        "that used alarmist language and produce a short story that quotes a "
                        "migrant.\n\nEvaluation: 46 journalists from print, radio and online "
                        "media completed the course in 2024. Three months later, two thirds said "
                        "they had used the glossary of migration terms in their work. Editors "
                        "asked for a shorter version for newsrooms."
                    ),
                ],
            },
        ],
        "related": ["public-perceptions-migration-study"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "social-cohesion-host-communities-study",
        "title": "Refugees and host communities: livelihoods and social cohesion",
        "summary": (
            "A study of economic and social relations between refugees and host communities "
            "around three camps, with lessons for inclusion programmes."
        ),
        "type": "study",
        "objectives": [16, 17, 19],
        "primary": 16,
        "principles": [10, 5],
        "themes": ["social cohesion", "refugees", "livelihoods"],
        "organisations": ["unhcr", "university-of-rwanda"],
        "working_group": None,
        "date": "2021-11-29",
        "languages": ["en"],
        "places": ["Kirehe", "Gisagara", "Gatsibo", "Eastern Province", "Southern Province"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full study",
                "language": "en",
                "pages": [
                    (
                        "Refugees in Rwanda have the right to work and to move freely, which "
                        "creates daily economic ties with host communities. This study examines "
                        "those ties around Mahama (Kirehe), Mugombwa (Gisagara) and Nyabiheke "
                        "(Gatsibo).\n\nResearchers from the University of Rwanda interviewed 720 "
                        "households and held 24 focus groups with refugees, host community "
                        "members and local leaders. Fieldwork took place in mid-2021, during "
                        "COVID-19 restrictions."
                    ),
                    (
                        "Markets near the camps are the main meeting place. Refugees buy food and "
                        "services from host farmers and traders, and host residents buy goods "
                        "that refugee traders bring from other districts.\n\nJoint savings "
                        "groups, in which refugees and host residents save together, were "
                        "associated with higher trust scores, especially among women. Refugee-run "
                        "businesses in Mahama also employed host community members, mainly in "
                        "tailoring, hairdressing and transport."
                    ),
                    (
                        "Tensions arise over access to land, firewood and water, and during "
                        "periods when food assistance is reduced. Students from host communities "
                        "attending the same schools as refugees reported more positive "
                        "views.\n\nThe study recommends that inclusion programmes target refugees "
                        "and host households together, and that district development plans "
                        "include refugees in their population figures. Local leaders should be "
                        "involved from the start."
                    ),
                ],
            },
        ],
        "related": ["public-perceptions-migration-study"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- protection
    {
        "slug": "ctip-training-frontline-officers",
        "title": "Counter-trafficking training for frontline officers",
        "summary": (
            "A training package on identifying and assisting victims of trafficking in persons, "
            "for immigration officers, police and social workers."
        ),
        "type": "training",
        "objectives": [10, 11, 7],
        "primary": 10,
        "principles": [4, 6, 9],
        "themes": ["trafficking", "border management", "training"],
        "organisations": ["iom", "dgie"],
        "working_group": "twg-protection",
        "date": "2023-04-24",
        "languages": ["en"],
        "places": ["Rwanda", "Rubavu", "Kirehe", "Nyagatare"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Trainer's manual",
                "language": "en",
                "pages": [
                    (
                        "This training package prepares frontline officers to recognise and "
                        "assist victims of trafficking in persons (TIP). It is designed for "
                        "immigration officers at points of entry, police officers and district "
                        "social workers.\n\nThe package contains five units, each with "
                        "objectives, a presentation, exercises and a short test. Each unit takes "
                        "between two and three hours, so that the full package can be delivered "
                        "in two days."
                    ),
                    (
                        "Unit 1 defines trafficking through its three elements: the act, the "
                        "means and the purpose of exploitation. It explains the difference "
                        "between trafficking and the smuggling of migrants.\n\nUnit 2 presents "
                        "indicators and practical case studies, including a young woman stopped "
                        "at Kigali International Airport with a tourist visa and a job offer as a "
                        "hotel receptionist. Participants discuss which indicators are present "
                        "and what the officer should do next."
                    ),
                    (
                        "Unit 3 covers victim-centred interviews. Unit 4 presents the national "
                        "referral pathway and the role of the Isange One Stop Centres. Unit 5 "
                        "explains how cases are investigated and prosecuted.\n\nIn 2023 the "
                        "package was used to train 164 officers at the Rubavu, Rusumo (Kirehe) "
                        "and Kagitumba (Nyagatare) border posts. A French version of the manual "
                        "was published later in 2023."
                    ),
                ],
            },
        ],
        "related": ["counter-trafficking-guidance"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "ctip-training-frontline-officers-fr",
        "title": (
            "Formation à la lutte contre la traite des personnes pour les agents de première ligne"
        ),
        "summary": (
            "The French version of the counter-trafficking training package for frontline officers."
        ),
        "type": "training",
        "objectives": [10, 11, 7],
        "primary": 10,
        "principles": [4, 6, 9],
        "themes": ["trafficking", "border management", "training"],
        "organisations": ["iom", "dgie"],
        "working_group": "twg-protection",
        "date": "2023-08-07",
        "languages": ["fr"],
        "places": ["Rwanda", "Rubavu", "Kirehe", "Nyagatare"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Manuel du formateur",
                "language": "fr",
                "pages": [
                    (
                        "Ce module de formation prépare les agents de première ligne à "
                        "reconnaître et à assister les victimes de la traite des personnes. Il "
                        "s'adresse aux agents de l'immigration aux points d'entrée, aux policiers "
                        "et aux travailleurs sociaux des districts.\n\nIl comprend cinq unités, "
                        "chacune avec des objectifs, une présentation, des exercices et un court "
                        "test d'évaluation. Chaque unité dure de deux à trois heures, de sorte "
                        "que le module complet peut être dispensé en deux jours."
                    ),
                    (
                        "L'unité 1 définit la traite à partir de ses trois éléments : l'acte, les "
                        "moyens et la finalité d'exploitation. Elle explique la différence entre "
                        "la traite des personnes et le trafic illicite de migrants.\n\nL'unité 2 "
                        "présente des indicateurs et des études de cas, dont celui d'une jeune "
                        "femme interceptée à l'aéroport international de Kigali avec un visa "
                        "touristique et une offre d'emploi de réceptionniste d'hôtel."
                    ),
                    (
                        "L'unité 3 porte sur les entretiens centrés sur la victime. L'unité 4 "
                        "présente le circuit national d'orientation et le rôle des centres Isange "
                        "One Stop. L'unité 5 explique comment les affaires font l'objet "
                        "d'enquêtes et de poursuites.\n\nEn 2023, ce module a servi à former 164 "
                        "agents aux postes frontières de Rubavu, de Rusumo (Kirehe) et de "
                        "Kagitumba (Nyagatare). Une version anglaise du manuel est également "
                        "disponible."
                    ),
                ],
            },
        ],
        "related": [],
        "translation_of": "ctip-training-frontline-officers",
        "edition_of": None,
    },
    {
        "slug": "gbv-migrant-women-brief",
        "title": "Gender-based violence against migrant and displaced women and girls",
        "summary": (
            "A brief on the risks of gender-based violence faced by refugee, displaced and "
            "migrant women and girls, and on survivor-centred services."
        ),
        "type": "policy-brief",
        "objectives": [7, 15],
        "primary": 7,
        "principles": [7, 6, 8],
        "themes": ["gbv", "gender", "protection"],
        "organisations": ["unfpa", "unhcr", "migeprof"],
        "working_group": "twg-protection",
        "date": "2024-11-25",
        "languages": ["en", "fr"],
        "places": ["Eastern Province", "Kirehe", "Bugesera"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy brief",
                "language": "en",
                "pages": [
                    (
                        "Women and girls who are displaced or on the move face higher risks of "
                        "gender-based violence (GBV): at border crossings, in collective "
                        "shelters, in domestic work and within their own households under the "
                        "stress of displacement.\n\nThis brief was launched on 25 November 2024, "
                        "the first of the 16 days of activism against gender-based violence. It "
                        "was prepared by UNFPA, UNHCR and MIGEPROF."
                    ),
                    (
                        "In Mahama camp (Kirehe), safe spaces for women and girls offer "
                        "psychosocial support, life-skills sessions and referral to health and "
                        "legal services. Community volunteers accompany survivors to the Isange "
                        "One Stop Centre at Kirehe district hospital.\n\nAt the Gashora transit "
                        "centre (Bugesera), many women evacuated from Libya reported violence "
                        "during their journey and need long-term MHPSS. Survivors decide which "
                        "services they want to use."
                    ),
                    (
                        "Recommendations: keep GBV services open during funding cuts; train "
                        "border and shelter staff in safe disclosure and referral; involve men "
                        "and boys in prevention; and ensure that data on GBV cases are collected "
                        "and shared safely, following the GBV information management system "
                        "(GBVIMS).\n\nSurvivors must decide whether to report to the police; "
                        "services should never depend on a complaint. Confidentiality must be "
                        "respected at every step."
                    ),
                ],
            },
            {
                "format": "docx",
                "label": "Note de politique (version française)",
                "language": "fr",
                "pages": [
                    (
                        "Les femmes et les filles déplacées ou en mouvement sont davantage "
                        "exposées aux violences basées sur le genre (VBG) : aux passages de "
                        "frontière, dans les abris collectifs, dans le travail domestique et au "
                        "sein même de leur foyer, sous la pression du déplacement.\n\nCette note "
                        "a été lancée le 25 novembre 2024, premier jour des 16 jours d'activisme "
                        "contre les violences basées sur le genre."
                    ),
                    (
                        "Dans le camp de Mahama (Kirehe), des espaces sûrs pour les femmes et les "
                        "filles offrent un soutien psychosocial, des séances de compétences de "
                        "vie et une orientation vers les services de santé et d'aide juridique. "
                        "Des volontaires communautaires accompagnent les survivantes au centre "
                        "Isange One Stop de l'hôpital de district de Kirehe.\n\nAu centre de "
                        "transit de Gashora (Bugesera), de nombreuses femmes évacuées de Libye "
                        "ont signalé des violences subies pendant leur parcours."
                    ),
                    (
                        "Recommandations : maintenir les services de prise en charge des VBG "
                        "malgré les réductions de financement ; former le personnel des "
                        "frontières et des abris à l'écoute et à l'orientation ; associer les "
                        "hommes et les garçons à la prévention ; collecter et partager les "
                        "données de manière sûre, selon le système GBVIMS.\n\nLes survivantes "
                        "décident elles-mêmes de porter plainte ou non ; l'accès aux services ne "
                        "doit jamais en dépendre."
                    ),
                ],
            },
        ],
        "related": ["women-domestic-workers-brief", "emergency-transit-mechanism-report"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "mhpss-guidance-refugees-returnees",
        "title": "Mental health and psychosocial support for refugees, returnees and migrants",
        "summary": (
            "Guidance for health centres and community workers on providing mental health and "
            "psychosocial support to people affected by displacement and migration."
        ),
        "type": "guidance",
        "objectives": [15, 7, 21],
        "primary": 15,
        "principles": [1, 6],
        "themes": ["mhpss", "health", "returnees", "refugees"],
        "organisations": ["who", "unhcr", "iom"],
        "working_group": None,
        "date": "2025-10-10",
        "languages": ["en"],
        "places": ["Rwanda", "Kirehe", "Karongi", "Bugesera", "Nyamagabe"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Guidance",
                "language": "en",
                "pages": [
                    (
                        "Displacement, exploitation and failed migration projects can all harm "
                        "mental health. This guidance helps health centres and community workers "
                        "offer mental health and psychosocial support (MHPSS) that is accessible, "
                        "respectful and integrated into primary care.\n\nIt follows the layered "
                        "approach of the IASC MHPSS pyramid, from basic services and security to "
                        "specialised care. It was prepared by WHO, UNHCR and IOM with the Rwanda "
                        "Biomedical Centre's mental health division."
                    ),
                    (
                        "Community level: refugee and host community volunteers run peer support "
                        "groups and psychological first aid. Health centre level: nurses trained "
                        "with the WHO mhGAP intervention guide identify and treat depression, "
                        "anxiety and substance use.\n\nSpecialised care is provided in district "
                        "hospitals and at the national psychiatric referral hospital in Kigali. "
                        "Every referral should be recorded and followed up, and interpreters "
                        "should be available for refugees who do not speak Kinyarwanda."
                    ),
                    (
                        "Returnees, including victims of trafficking and migrants returning after "
                        "detention abroad, should be offered screening within their first month "
                        "home.\n\nThe guidance was piloted in Kirehe, Karongi, Bugesera and "
                        "Nyamagabe, where 52 nurses and 180 community volunteers were trained in "
                        "2025. Referrals to specialised care doubled, while waiting times fell "
                        "because more cases were treated at health centre level. The tools are "
                        "annexed to the guidance."
                    ),
                ],
            },
        ],
        "related": ["refugee-inclusion-health-services"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "alternatives-to-detention-brief",
        "title": "Alternatives to immigration detention: options and safeguards",
        "summary": (
            "A brief presenting community-based alternatives to immigration detention and the due "
            "process safeguards that should apply to any deprivation of liberty."
        ),
        "type": "policy-brief",
        "objectives": [13, 12, 4],
        "primary": 13,
        "principles": [4, 6, 8],
        "themes": ["detention", "due process", "human rights"],
        "organisations": ["unhcr", "nchr", "community-legal-aid-network"],
        "working_group": "twg-protection",
        "date": "2024-06-26",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy brief",
                "language": "en",
                "pages": [
                    (
                        "The Global Compact calls on States to use migration detention only as a "
                        "measure of last resort and to work towards alternatives. This brief "
                        "presents options and safeguards drawn from international standards and "
                        "from practice in the region.\n\nIt was prepared by the TWG on Protection "
                        "and Counter-Trafficking with the National Commission for Human Rights "
                        "and a legal aid network."
                    ),
                    (
                        "Alternatives range from registration and regular reporting to designated "
                        "residence, guarantors and case management. Case management, in which a "
                        "caseworker helps a person resolve their situation, achieves high "
                        "compliance at a fraction of the cost of detention.\n\nChildren should "
                        "never be detained for migration reasons; families should be kept "
                        "together in community settings. Such programmes also respect dignity and "
                        "family unity, and they make voluntary return or regularisation easier."
                    ),
                    (
                        "Where deprivation of liberty cannot be avoided, safeguards must apply: a "
                        "decision in writing, in a language the person understands; access to a "
                        "lawyer and to consular services; judicial review; and a maximum "
                        "duration.\n\nThe brief recommends that the NCHR include places where "
                        "migrants may be held in its monitoring visits and that free legal aid be "
                        "available to migrants."
                    ),
                ],
            },
        ],
        "related": ["child-migrants-protection-brief"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "emergency-transit-mechanism-report",
        "title": "The Emergency Transit Mechanism in Gashora: lessons from five years",
        "summary": (
            "A review of the Emergency Transit Mechanism, which hosts refugees and asylum-seekers "
            "evacuated from Libya while durable solutions are sought."
        ),
        "type": "report",
        "objectives": [12, 7, 23],
        "primary": 12,
        "principles": [2, 6],
        "themes": ["refugees", "evacuation", "resettlement"],
        "organisations": ["unhcr", "minema"],
        "working_group": None,
        "date": "2024-10-21",
        "languages": ["en"],
        "places": ["Eastern Province", "Bugesera"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Review report",
                "language": "en",
                "pages": [
                    (
                        "Since 2019, Rwanda has hosted refugees and asylum-seekers evacuated from "
                        "detention in Libya at the Gashora transit centre in Bugesera district, "
                        "under an agreement between the Government of Rwanda, UNHCR and the "
                        "African Union.\n\nThis review looks at how evacuees are received, "
                        "assessed and supported until a durable solution is found. It is based on "
                        "interviews with evacuees, staff and partners held in 2024."
                    ),
                    (
                        "On arrival, evacuees receive medical screening, MHPSS and legal "
                        "counselling. Refugee status determination and resettlement interviews "
                        "are organised at the centre, so that procedures are predictable and "
                        "coordinated.\n\nMost evacuees have been resettled to third countries; a "
                        "smaller number returned voluntarily to their country of origin or chose "
                        "to remain in Rwanda. Evacuees come mainly from Eritrea, Sudan, Somalia "
                        "and Ethiopia, and many have spent months or years in detention."
                    ),
                    (
                        "Lessons: early screening helps identify survivors of torture and GBV, "
                        "and unaccompanied children, who need specialised care; waiting times for "
                        "resettlement decisions weigh on mental health.\n\nThe review recommends "
                        "more vocational training at Gashora, regular information sessions on the "
                        "status of each case, and predictable funding for the mechanism. It also "
                        "calls for more resettlement places, so that stays at Gashora remain "
                        "short."
                    ),
                ],
            },
        ],
        "related": ["gbv-migrant-women-brief"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "food-assistance-refugees-report",
        "title": "Targeted food assistance in refugee camps: results and challenges",
        "summary": (
            "A report on the shift from general to needs-based food and cash assistance in "
            "Rwanda's refugee camps."
        ),
        "type": "report",
        "objectives": [15, 7, 16],
        "primary": 15,
        "principles": [1, 8, 7],
        "themes": ["food security", "cash transfers", "refugees"],
        "organisations": ["wfp", "unhcr"],
        "working_group": None,
        "date": "2023-02-27",
        "languages": ["en"],
        "places": ["Kirehe", "Karongi", "Gatsibo", "Nyamagabe", "Gisagara"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full report",
                "language": "en",
                "pages": [
                    (
                        "Faced with rising needs and limited funding, food assistance in the "
                        "camps moved from a general distribution to all refugees to assistance "
                        "based on vulnerability. This report reviews the first two years of that "
                        "approach.\n\nHouseholds were classified into categories using a "
                        "socio-economic assessment, with an appeals mechanism for those who "
                        "disagreed. Households in the most vulnerable category continued to "
                        "receive full assistance throughout the period."
                    ),
                    (
                        "Assistance is delivered mostly as cash through bank accounts and mobile "
                        "money, which refugees spend in local markets and in shops near the "
                        "camps. Traders in Kirehe and Gisagara reported higher "
                        "sales.\n\nNutrition programmes for pregnant and breastfeeding women and "
                        "for children under five continued for all households, whatever their "
                        "category. Cash also allowed households to choose fresh foods that "
                        "general rations did not include."
                    ),
                    (
                        "Challenges: households excluded from assistance reported more negative "
                        "coping strategies, such as reducing meals or taking children out of "
                        "school. The appeals mechanism received more than 3,000 cases in the "
                        "first year.\n\nRecommendations: reassess categories regularly, link "
                        "households that lose assistance to livelihood programmes, and "
                        "communicate criteria clearly in Kiswahili, Kinyarwanda and French. The "
                        "report was discussed with refugee leaders in each camp before "
                        "publication."
                    ),
                ],
            },
        ],
        "related": ["food-security-refugee-host-dataset"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- borders and consular
    {
        "slug": "integrated-border-management-report",
        "title": "One-stop border posts and integrated border management",
        "summary": (
            "A report on how one-stop border posts on Rwanda's borders have changed border "
            "procedures for travellers, traders and migrants."
        ),
        "type": "report",
        "objectives": [11, 4, 9],
        "primary": 11,
        "principles": [2, 3],
        "themes": ["border management", "cross-border trade", "one-stop border posts"],
        "organisations": ["dgie", "iom"],
        "working_group": None,
        "date": "2022-06-13",
        "languages": ["en", "fr"],
        "places": ["Eastern Province", "Northern Province", "Kirehe", "Gicumbi", "Nyagatare"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Full report",
                "language": "en",
                "pages": [
                    (
                        "One-stop border posts bring the border agencies of two neighbouring "
                        "countries under one roof, so that travellers and goods are cleared once. "
                        "This report reviews the posts at Rusumo (Kirehe), Gatuna (Gicumbi) and "
                        "Kagitumba (Nyagatare).\n\nIt is based on visits to each post, interviews "
                        "with officials of both countries and a survey of 420 travellers and "
                        "cross-border traders. It was commissioned by the DGIE."
                    ),
                    (
                        "Clearance times for trucks fell markedly once joint controls began, and "
                        "travellers appreciated the single queue. Small-scale traders, most of "
                        "them women, still found procedures costly and complex.\n\nThe report "
                        "recommends simplified trade regimes for small consignments, information "
                        "desks in Kinyarwanda and Kiswahili, and separate lanes for cross-border "
                        "traders. Traders also asked for clearer information on the fees charged "
                        "on each side of the border."
                    ),
                    (
                        "Integrated border management also means protection: officers should be "
                        "able to identify victims of trafficking, smuggled migrants and "
                        "unaccompanied children, and refer them. Only a third of officers "
                        "interviewed had received such training.\n\nData collected at the posts "
                        "should be shared between the two countries, within the limits of data "
                        "protection law. The report recommends joint training for officers of "
                        "both countries at each post."
                    ),
                ],
            },
            {
                "format": "docx",
                "label": "Rapport (version française)",
                "language": "fr",
                "pages": [
                    (
                        "Les postes frontières à arrêt unique réunissent sous un même toit les "
                        "services frontaliers de deux pays voisins, afin que voyageurs et "
                        "marchandises ne soient contrôlés qu'une fois. Ce rapport examine les "
                        "postes de Rusumo (Kirehe), de Gatuna (Gicumbi) et de Kagitumba "
                        "(Nyagatare).\n\nIl s'appuie sur des visites de chaque poste, des "
                        "entretiens avec des agents des deux pays et une enquête auprès de 420 "
                        "voyageurs et commerçants transfrontaliers."
                    ),
                    (
                        "Les délais de dédouanement des camions ont nettement diminué depuis la "
                        "mise en place des contrôles conjoints, et les voyageurs apprécient la "
                        "file unique. Les petits commerçants, en majorité des femmes, jugent "
                        "toutefois les procédures coûteuses et complexes.\n\nLe rapport "
                        "recommande des régimes commerciaux simplifiés pour les petits envois, "
                        "des guichets d'information en kinyarwanda et en kiswahili, et des files "
                        "réservées aux commerçants transfrontaliers."
                    ),
                    (
                        "La gestion intégrée des frontières concerne aussi la protection : les "
                        "agents doivent pouvoir identifier les victimes de la traite, les "
                        "migrants objets de trafic et les enfants non accompagnés, et les "
                        "orienter. Seul un tiers des agents interrogés avaient reçu une telle "
                        "formation.\n\nLes données collectées aux postes devraient être partagées "
                        "entre les deux pays, dans les limites de la loi sur la protection des "
                        "données."
                    ),
                ],
            },
        ],
        "related": ["border-crossings-dataset", "smuggling-of-migrants-brief"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "smuggling-of-migrants-brief",
        "title": "Smuggling of migrants through the Great Lakes region",
        "summary": (
            "A brief on smuggling routes and practices affecting migrants who transit through or "
            "leave from Rwanda, and on a rights-based response."
        ),
        "type": "policy-brief",
        "objectives": [9, 10, 11],
        "primary": 9,
        "principles": [2, 4, 6],
        "themes": ["smuggling", "border management", "regional cooperation"],
        "organisations": ["iom", "dgie"],
        "working_group": "twg-protection",
        "date": "2023-11-30",
        "languages": ["en"],
        "places": ["Rwanda", "Western Province", "Rusizi", "Nyamasheke"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy brief",
                "language": "en",
                "pages": [
                    (
                        "Migrants who cannot use regular channels sometimes pay smugglers to "
                        "cross borders. Smuggling is a crime against the State, but smuggled "
                        "migrants often become victims of abuse, extortion or trafficking along "
                        "the way.\n\nThis brief summarises what is known about smuggling in the "
                        "Great Lakes region, based on interviews with officials, migrants and "
                        "returnees. The brief was prepared by the TWG on Protection and "
                        "Counter-Trafficking."
                    ),
                    (
                        "Routes: migrants from the region travel overland towards southern Africa "
                        "or through East Africa towards the Gulf states. Crossings over Lake Kivu "
                        "near Rusizi and Nyamasheke are used to avoid official border "
                        "posts.\n\nSmugglers advertise their services on social media and through "
                        "brokers in towns, and may charge between 300 and 2,000 US dollars "
                        "depending on the destination. Prices rise sharply when controls are "
                        "tightened."
                    ),
                    (
                        "A rights-based response targets smugglers, not migrants: smuggled "
                        "migrants should not be prosecuted for having been smuggled, and their "
                        "need for protection must be assessed.\n\nRecommendations: strengthen "
                        "cooperation between prosecutors in the region; train lake patrols in "
                        "identifying victims of trafficking; and widen regular pathways so that "
                        "fewer people turn to smugglers. It also recommends public information on "
                        "the risks of irregular journeys."
                    ),
                ],
            },
        ],
        "related": ["integrated-border-management-report"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "consular-assistance-guidance",
        "title": "Consular assistance to Rwandans in distress abroad: a practical guide",
        "summary": (
            "A guide for Rwandan embassies on assisting nationals in distress abroad, including "
            "migrant workers, victims of trafficking and detained nationals."
        ),
        "type": "guidance",
        "objectives": [14, 10, 21],
        "primary": 14,
        "principles": [9, 6, 2],
        "themes": ["consular protection", "labour migration", "returnees"],
        "organisations": ["minaffet", "iom"],
        "working_group": None,
        "date": "2025-02-17",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Guide",
                "language": "en",
                "pages": [
                    (
                        "Rwandan embassies and consulates are often the first place a national in "
                        "distress abroad turns to. This guide proposes common procedures for "
                        "assisting migrant workers, victims of trafficking, nationals in "
                        "detention and families of deceased nationals.\n\nIt was prepared for "
                        "MINAFFET with support from IOM and tested with consular staff during a "
                        "training held in Kigali in January 2025. It covers both embassies and "
                        "honorary consuls."
                    ),
                    (
                        "Each case should be registered in a consular case file with the person's "
                        "consent, a description of needs and the actions taken. Embassies should "
                        "keep a list of lawyers, shelters and health services in their "
                        "jurisdiction.\n\nFor migrant workers, the embassy can mediate with the "
                        "employer, help recover unpaid wages and, when needed, issue an emergency "
                        "travel document. Assistance must be free of charge for victims of "
                        "trafficking."
                    ),
                    (
                        "When a national asks to return home, the embassy coordinates with IOM "
                        "and with the DGIE on arrival, and alerts the district of origin so that "
                        "reintegration support can start.\n\nThe guide includes model letters, a "
                        "checklist for prison visits and a directory of focal points in Rwanda "
                        "for trafficking cases, child protection and repatriation of remains. The "
                        "directory should be updated every year by MINAFFET."
                    ),
                ],
            },
        ],
        "related": ["women-domestic-workers-brief"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "points-of-entry-health-guidance",
        "title": "Public health at points of entry: guidance for border health teams",
        "summary": (
            "Guidance on screening, isolation and referral at airports and land borders during "
            "outbreaks, drawing on the COVID-19 and Marburg virus disease responses."
        ),
        "type": "guidance",
        "objectives": [11, 15],
        "primary": 11,
        "principles": [6, 2, 3],
        "themes": ["health", "border management", "outbreaks"],
        "organisations": ["who", "dgie"],
        "working_group": None,
        "date": "2025-04-07",
        "languages": ["en"],
        "places": ["Rwanda", "Kigali City", "Rubavu", "Rusizi"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Guidance",
                "language": "en",
                "pages": [
                    (
                        "Points of entry are where public health and human mobility meet. This "
                        "guidance helps border health teams protect public health while keeping "
                        "borders open to trade and travel, in line with the International Health "
                        "Regulations (IHR 2005).\n\nIt draws on the experience of the COVID-19 "
                        "response and of the Marburg virus disease outbreak of 2024. It was "
                        "prepared by WHO with the DGIE and border health staff."
                    ),
                    (
                        "Routine measures: a health desk at each designated point of entry, "
                        "trained staff, a room for the temporary isolation of a sick traveller "
                        "and a referral agreement with the nearest district hospital.\n\nDuring "
                        "an outbreak, screening may be stepped up at Kigali International Airport "
                        "and at busy land crossings such as Grande Barrière and Petite Barrière "
                        "in Rubavu and Rusizi I."
                    ),
                    (
                        "Measures must be non-discriminatory: screening applies to all "
                        "travellers, whatever their nationality or status, and data collected are "
                        "used only for public health purposes.\n\nMigrants, refugees and "
                        "cross-border traders must have access to testing, treatment and "
                        "vaccination on the same terms as nationals. Messages should be available "
                        "in Kinyarwanda, Kiswahili, English and French. Border health teams "
                        "should also know how to refer travellers who report violence or "
                        "exploitation."
                    ),
                ],
            },
        ],
        "related": ["covid-19-mobility-report-2021"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "covid-19-mobility-report-2021",
        "title": (
            "COVID-19 and human mobility in Rwanda: impact on migrants and cross-border traders"
        ),
        "summary": (
            "A rapid assessment of how border closures and lockdowns affected migrants, "
            "cross-border traders and refugees in 2020 and early 2021."
        ),
        "type": "report",
        "objectives": [15, 7, 11],
        "primary": 15,
        "principles": [1, 7],
        "themes": ["covid-19", "cross-border trade", "health"],
        "organisations": ["who", "iom", "wfp"],
        "working_group": None,
        "date": "2021-06-24",
        "languages": ["en"],
        "places": ["Rwanda", "Rubavu", "Rusizi", "Kirehe", "Nyagatare"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Rapid assessment",
                "language": "en",
                "pages": [
                    (
                        "When borders closed in March 2020 to contain COVID-19, thousands of "
                        "people who depended on daily crossings lost their income overnight. This "
                        "rapid assessment documents the impact on migrants, cross-border traders "
                        "and refugees.\n\nTelephone interviews were held with 610 respondents in "
                        "Rubavu, Rusizi, Kirehe and Nyagatare between January and March 2021. It "
                        "was carried out by IOM, WHO and WFP, with support from district "
                        "authorities."
                    ),
                    (
                        "Four in five small-scale cross-border traders, most of them women, "
                        "reported a fall in income of more than half. Many sold assets or reduced "
                        "meals to cope.\n\nMigrant workers stranded on either side of the border "
                        "needed food, shelter and support to return home. Testing and quarantine "
                        "at points of entry were organised quickly, but information about "
                        "procedures was often unclear."
                    ),
                    (
                        "Refugees were included in the national COVID-19 response, including "
                        "testing, treatment and later vaccination.\n\nRecommendations: include "
                        "cross-border traders in social protection and recovery programmes; "
                        "prepare border health plans that keep essential movement possible; and "
                        "provide information in Kinyarwanda, Kiswahili and French at every point "
                        "of entry. Food assistance and cash transfers reached some stranded "
                        "migrants and traders, but many were missed by district lists. The "
                        "lessons later informed guidance on points of entry."
                    ),
                ],
            },
        ],
        "related": ["points-of-entry-health-guidance"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- climate, return, diaspora
    {
        "slug": "climate-mobility-policy-paper",
        "title": "Climate change and human mobility: options for Rwanda's policies",
        "summary": (
            "A policy paper on how Rwanda's climate, disaster risk and migration policies can "
            "address displacement and support mobility as adaptation."
        ),
        "type": "policy-paper",
        "objectives": [2, 5, 23],
        "primary": 2,
        "principles": [5, 9, 3],
        "themes": ["climate", "disasters", "displacement", "planned relocation"],
        "organisations": ["iom", "minema", "wfp"],
        "working_group": None,
        "date": "2026-04-22",
        "languages": ["en"],
        "places": ["Rwanda", "Western Province", "Northern Province", "Eastern Province"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Policy paper",
                "language": "en",
                "pages": [
                    (
                        "Floods and landslides in the west and north, and droughts in the east, "
                        "already move people in Rwanda. This paper asks how policies on climate "
                        "change, disaster risk and migration can work together.\n\nIt builds on "
                        "the Network's report on the May 2023 floods, on DTM data and on "
                        "consultations with MINEMA, districts and WFP's resilience programmes in "
                        "the Eastern Province."
                    ),
                    (
                        "Three forms of mobility need different answers: displacement after "
                        "disasters, which calls for preparedness and durable solutions; planned "
                        "relocation from high-risk zones, which calls for consultation and "
                        "livelihoods; and migration as adaptation, when family members move to "
                        "earn income.\n\nDrought in Kayonza and Kirehe has pushed young people to "
                        "seek seasonal work elsewhere. In the west, landslides have forced "
                        "families to leave their land for good."
                    ),
                    (
                        "Recommendations: mention human mobility in the next update of Rwanda's "
                        "nationally determined contribution; include IDP and relocated households "
                        "in social protection registers; and use climate finance to support "
                        "receiving areas.\n\nThe paper also proposes that the Network contribute "
                        "to regional discussions under the Kampala Ministerial Declaration on "
                        "Migration, Environment and Climate Change. Progress should be reviewed "
                        "each year by the Network and MINEMA."
                    ),
                ],
            },
        ],
        "related": [
            "border-management-climate-displacement",
            "dtm-flood-displacement-dataset-2023",
        ],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "reintegration-sustainability-survey-2026",
        "title": "Reintegration sustainability survey of returnees, 2026",
        "summary": (
            "Results of a survey of returnees interviewed twelve months after their return, "
            "measuring economic, social and psychosocial reintegration."
        ),
        "type": "study",
        "objectives": [21, 19],
        "primary": 21,
        "principles": [1, 7],
        "themes": ["returnees", "reintegration", "survey"],
        "organisations": ["iom", "diaspora-returnees-network"],
        "working_group": "twg-data-evidence",
        "date": "2026-06-18",
        "languages": ["en"],
        "places": ["Rwanda", "Kigali City", "Musanze", "Rubavu", "Nyamasheke", "Ngoma"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Survey report",
                "language": "en",
                "pages": [
                    (
                        "This survey applies the framework for sustainable reintegration adopted "
                        "by the Network in 2025. It interviewed 286 returnees twelve months after "
                        "their return, in Kigali City and in the districts of Musanze, Rubavu, "
                        "Nyamasheke and Ngoma.\n\nRespondents included migrant workers returning "
                        "from the Gulf states, victims of trafficking and people returning after "
                        "a refused asylum claim in Europe. Interviews were held in Kinyarwanda."
                    ),
                    (
                        "The average reintegration score was 0.61 on a scale from 0 to 1. Social "
                        "reintegration scored highest, economic reintegration lowest: only 38 "
                        "percent had a regular income, and many were repaying debts contracted to "
                        "migrate.\n\nReturnees who received a business grant combined with "
                        "mentoring scored higher than those who received a grant alone. Women "
                        "scored lower than men on economic reintegration."
                    ),
                    (
                        "Psychosocial scores were lowest among victims of trafficking and women "
                        "who had worked as domestic workers. Half of them had not been offered "
                        "any MHPSS.\n\nRecommendations: link every returnee to a case manager in "
                        "the district; combine grants with mentoring by returnee associations; "
                        "and repeat the survey in 2028 to measure change. Results were validated "
                        "with district officers in May 2026."
                    ),
                ],
            },
        ],
        "related": ["return-reintegration-framework", "skills-recognition-guidance"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "diaspora-skills-transfer-news",
        "title": "Diaspora health professionals complete assignments in Huye and Musanze",
        "summary": (
            "News from the diaspora skills transfer pilot: twelve health professionals from the "
            "Rwandan diaspora completed short assignments in two teaching hospitals."
        ),
        "type": "news",
        "objectives": [19, 18],
        "primary": 19,
        "principles": [5, 10],
        "themes": ["diaspora", "skills transfer", "health"],
        "organisations": ["iom", "minaffet"],
        "working_group": None,
        "date": "2025-08-28",
        "languages": ["en"],
        "places": ["Huye", "Musanze", "Southern Province", "Northern Province"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "News story",
                "language": "en",
                "pages": [
                    (
                        "Twelve health professionals from the Rwandan diaspora, living in "
                        "Belgium, Canada, France and the United Kingdom, have completed "
                        "three-month assignments in hospitals in Huye and Musanze. The pilot "
                        "applies the Network's diaspora engagement toolkit.\n\nThe volunteers "
                        "included anaesthetists, a paediatric nurse, a radiologist and two "
                        "hospital managers. Their travel was covered by the pilot, and host "
                        "hospitals provided free accommodation."
                    ),
                    (
                        "Each assignment started with a needs statement from the hospital and "
                        "ended with a handover to a local counterpart. In Huye, an anaesthetist "
                        "trained fourteen nurses in safe sedation; in Musanze, a hospital manager "
                        "helped set up a digital stock system for medicines.\n\n'I wanted to give "
                        "back, and I learnt as much as I taught,' said one of the participants. A "
                        "second round is planned for 2026."
                    ),
                ],
            },
        ],
        "related": ["diaspora-engagement-toolkit"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- network records and news
    {
        "slug": "network-quarterly-meeting-minutes-q4-2023",
        "title": "Minutes of the Network's quarterly meeting, fourth quarter 2023",
        "summary": (
            "Minutes of the quarterly meeting that adopted the 2024 workplan and created the TWG "
            "on Data and Evidence."
        ),
        "type": "meeting-record",
        "objectives": [23, 1],
        "primary": 23,
        "principles": [2, 9],
        "themes": ["network coordination", "workplan"],
        "organisations": ["iom", "rco"],
        "working_group": None,
        "date": "2023-12-12",
        "languages": ["en"],
        "places": ["Kigali City"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Minutes",
                "language": "en",
                "pages": [
                    (
                        "Attendance: IOM (chair and Secretariat), RCO, UNICEF, UNHCR, WFP, WHO, "
                        "UNCDF and UNFPA. The National Commission for Human Rights attended "
                        "agenda item 3 as an observer.\n\nAgenda: 1. Review of the 2023 workplan; "
                        "2. Adoption of the 2024 workplan; 3. Creation of a TWG on data; 4. "
                        "Knowledge management; 5. Any other business. The meeting was held at the "
                        "UN offices in Kigali."
                    ),
                    (
                        "Decision 1: the 2024 workplan is adopted by consensus, with the comments "
                        "of UNHCR and WFP on refugee inclusion incorporated.\n\nDecision 2: a TWG "
                        "on Data and Evidence is created, co-chaired by IOM and UNFPA for one "
                        "year. Its first task is to update the migration profile. Decision 3: the "
                        "Secretariat will propose an online knowledge hub to replace the shared "
                        "folder of documents."
                    ),
                    (
                        "Follow-up actions: the Secretariat will circulate the adopted workplan "
                        "within one week and report on it to the UN Country Team; the RCO will "
                        "ensure the workplan is reflected in the UNSDCF joint workplans.\n\nNext "
                        "meeting: March 2024, hosted by WHO. Members thanked the Secretariat for "
                        "the 2023 annual report, which showed that 15 of the 17 planned "
                        "activities had been completed. The WHO representative will chair the "
                        "March meeting."
                    ),
                ],
            },
        ],
        "related": [],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "imrf-2026-national-consultation-record",
        "title": (
            "National stakeholder consultation ahead of the 2026 International Migration Review "
            "Forum"
        ),
        "summary": (
            "Record of the consultation where government, UN, civil society and academia reviewed "
            "progress on the GCM in Rwanda ahead of the 2026 review."
        ),
        "type": "meeting-record",
        "objectives": [23, 1, 17],
        "primary": 23,
        "principles": [10, 9, 2],
        "themes": ["gcm review", "imrf", "network coordination"],
        "organisations": ["rco", "iom", "minaffet"],
        "working_group": None,
        "date": "2025-11-26",
        "languages": ["en"],
        "places": ["Kigali City"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Consultation record",
                "language": "en",
                "pages": [
                    (
                        "The consultation brought together 94 participants from government "
                        "institutions, UN agencies, civil society, migrant and diaspora "
                        "organisations, academia and the private sector. It was co-organised by "
                        "the RCO and the Network Secretariat.\n\nParticipants reviewed progress "
                        "on the 23 GCM objectives in four thematic groups, following the guiding "
                        "questions prepared for the regional and global reviews. The meeting was "
                        "held in Kigali on 25 November 2025."
                    ),
                    (
                        "Progress highlighted: inclusion of refugees in health insurance and "
                        "national systems; the second migration profile; training of frontline "
                        "officers on counter-trafficking; and pilots on skills recognition for "
                        "returnees.\n\nGaps highlighted: limited data on emigration and on "
                        "Rwandans abroad; the cost of remittances; the portability of social "
                        "security; and alternatives to detention. Several participants also "
                        "stressed the need for more data on internal displacement."
                    ),
                    (
                        "Civil society asked for a standing consultation mechanism rather than "
                        "one-off meetings, and migrant workers' associations asked to take part "
                        "in labour agreement negotiations.\n\nThe Secretariat will compile the "
                        "contributions into a summary for the 2026 International Migration Review "
                        "Forum and publish all evidence used on the knowledge hub, in the 'GCM "
                        "review 2026 evidence pack' collection. The summary will be shared before "
                        "submission."
                    ),
                ],
            },
        ],
        "related": ["imrf-2026-consultation-news"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "network-terms-of-reference-news",
        "title": "UN agencies in Rwanda adopt terms of reference for the Network on Migration",
        "summary": (
            "The UN Network on Migration in Rwanda adopted its terms of reference, setting out "
            "its membership, executive committee and working arrangements."
        ),
        "type": "news",
        "objectives": [23],
        "primary": 23,
        "principles": [2, 10],
        "themes": ["network coordination"],
        "organisations": ["iom", "rco"],
        "working_group": None,
        "date": "2022-04-28",
        "languages": ["en"],
        "places": ["Rwanda", "Kigali City"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "Press release",
                "language": "en",
                "pages": [
                    (
                        "UN agencies in Rwanda have adopted the terms of reference of the UN "
                        "Network on Migration in Rwanda. The Network supports the Government of "
                        "Rwanda in implementing the Global Compact for Safe, Orderly and Regular "
                        "Migration, adopted in December 2018.\n\nIOM acts as coordinator and "
                        "Secretariat. An Executive Committee of RCO, IOM, UNICEF, UNHCR, WFP and "
                        "WHO guides the Network's work."
                    ),
                    (
                        "UNCDF and UNFPA are also members, and other UN agencies may join. The "
                        "Network will meet every quarter and may create technical working groups "
                        "on specific topics, open to civil society and academia.\n\n'Migration is "
                        "a reality that touches every district of Rwanda. Working as one UN, we "
                        "can offer the Government coherent support,' the Resident Coordinator "
                        "said at the meeting."
                    ),
                ],
            },
        ],
        "related": [],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "imrf-2026-consultation-news",
        "title": "Stakeholders review Rwanda's progress on the Global Compact for Migration",
        "summary": (
            "News on the national consultation held in Kigali ahead of the 2026 International "
            "Migration Review Forum."
        ),
        "type": "news",
        "objectives": [23, 17],
        "primary": 23,
        "principles": [10, 2],
        "themes": ["gcm review", "imrf"],
        "organisations": ["rco", "iom"],
        "working_group": None,
        "date": "2025-11-28",
        "languages": ["en"],
        "places": ["Kigali City"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Article",
                "language": "en",
                "pages": [
                    (
                        "Nearly one hundred representatives of government, UN agencies, civil "
                        "society, diaspora associations and universities met in Kigali to take "
                        "stock of the implementation of the Global Compact for Safe, Orderly and "
                        "Regular Migration in Rwanda.\n\nThe consultation prepares the 2026 "
                        "International Migration Review Forum, where Member States will review "
                        "progress at the global level. It was organised by the Network."
                    ),
                    (
                        "Participants welcomed the inclusion of refugees in community-based "
                        "health insurance and the publication of the second migration profile. "
                        "They also pointed to gaps: the cost of remittances, the portability of "
                        "social security and the lack of data on Rwandans living abroad.\n\nThe "
                        "contributions will be compiled in a summary published on the Network's "
                        "knowledge hub. Civil society asked for regular consultations."
                    ),
                ],
            },
        ],
        "related": ["imrf-2026-national-consultation-record"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "border-officials-ctip-training-news",
        "title": "Border officials in Rusizi and Rubavu trained to identify victims of trafficking",
        "summary": (
            "News on a refresher training for immigration officers and police at two western "
            "border crossings, using the Network's counter-trafficking package."
        ),
        "type": "news",
        "objectives": [10, 11],
        "primary": 10,
        "principles": [4, 9],
        "themes": ["trafficking", "border management", "training"],
        "organisations": ["iom", "dgie"],
        "working_group": "twg-protection",
        "date": "2026-09-15",
        "languages": ["en"],
        "places": ["Western Province", "Rusizi", "Rubavu"],
        "external_url": "",
        "files": [
            {
                "format": "docx",
                "label": "News story",
                "language": "en",
                "pages": [
                    (
                        "Fifty-eight immigration officers, police officers and social workers "
                        "serving at the Rusizi and Rubavu border crossings took part in a "
                        "three-day refresher training on identifying and assisting victims of "
                        "trafficking in persons.\n\nThe training used the counter-trafficking "
                        "package of the TWG on Protection and Counter-Trafficking, updated this "
                        "year with new case studies on online recruitment. It was organised by "
                        "IOM and the DGIE."
                    ),
                    (
                        "Participants practised interviews with presumed victims and reviewed the "
                        "national referral pathway, from the border post to the Isange One Stop "
                        "Centre and child protection services.\n\n'We now see the signs we used "
                        "to miss, such as a group of young women travelling with one man who "
                        "holds all their passports,' said an officer at Rusizi I. A similar "
                        "session is planned at Rusumo and Kagitumba."
                    ),
                ],
            },
        ],
        "related": ["ctip-training-frontline-officers"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "gcm-review-2022-contribution",
        "title": "Contribution of the UN Network on Migration in Rwanda to the 2022 GCM review",
        "summary": (
            "The Network's contribution to the first International Migration Review Forum, "
            "summarising progress and challenges in implementing the GCM in Rwanda."
        ),
        "type": "report",
        "objectives": [23, 16, 4],
        "primary": 23,
        "principles": [2, 9, 10],
        "themes": ["gcm review", "imrf"],
        "organisations": ["rco", "iom", "unhcr"],
        "working_group": "twg-gcm-review-2022",
        "date": "2022-03-31",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "",
        "files": [
            {
                "format": "pdf",
                "label": "Contribution",
                "language": "en",
                "pages": [
                    (
                        "This contribution was prepared by the TWG on the 2022 GCM Review for the "
                        "first International Migration Review Forum, held in New York in May "
                        "2022. It summarises progress, challenges and priorities in Rwanda, based "
                        "on consultations held online and in Kigali.\n\nIt does not replace the "
                        "position of the Government of Rwanda, which reports separately. More "
                        "than sixty stakeholders took part."
                    ),
                    (
                        "Progress: refugees in Rwanda have access to national services and the "
                        "right to work; one-stop border posts have eased regional mobility; and "
                        "legal identity has improved through birth registration at health "
                        "facilities.\n\nChallenges: COVID-19 disrupted cross-border livelihoods; "
                        "data on emigration remain scarce; and labour migration is growing faster "
                        "than the systems to protect migrant workers. Refugee inclusion in "
                        "national health insurance was also noted as progress."
                    ),
                    (
                        "Priorities for the next four years: a migration data strategy, a labour "
                        "migration framework based on fair recruitment, and stronger protection "
                        "for victims of trafficking.\n\nThe TWG recommended that the Network "
                        "adopt terms of reference, meet quarterly and create thematic working "
                        "groups, which it did in April 2022. The TWG was closed after its "
                        "contribution had been adopted, and its members joined the new thematic "
                        "groups."
                    ),
                ],
            },
        ],
        "related": ["network-terms-of-reference-news"],
        "translation_of": None,
        "edition_of": None,
    },
    # ---------------------------------------------------------------- external links
    {
        "slug": "global-compact-for-migration-text",
        "title": "The Global Compact for Safe, Orderly and Regular Migration",
        "summary": (
            "The full text of the Global Compact, with its 23 objectives and guiding principles, "
            "on the website of the UN Network on Migration."
        ),
        "type": "external-link",
        "objectives": [23],
        "primary": 23,
        "principles": [2, 1],
        "themes": ["gcm", "global framework"],
        "organisations": ["iom"],
        "working_group": None,
        "date": "2021-01-15",
        "languages": ["en", "fr"],
        "places": ["Rwanda"],
        "external_url": "https://migrationnetwork.un.org/global-compact-for-migration",
        "files": [],
        "related": [],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "migration-network-hub",
        "title": "Migration Network Hub: the global knowledge platform",
        "summary": (
            "The global knowledge platform and connection hub of the UN Network on Migration, "
            "where country-level resources are shared."
        ),
        "type": "external-link",
        "objectives": [23, 1],
        "primary": 23,
        "principles": [2, 10],
        "themes": ["knowledge management", "global framework"],
        "organisations": ["iom"],
        "working_group": None,
        "date": "2022-09-05",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "https://migrationnetwork.un.org/hub",
        "files": [],
        "related": ["global-compact-for-migration-text"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "missing-migrants-project",
        "title": "Missing Migrants Project",
        "summary": (
            "IOM's global database of migrants who died or went missing on migration routes, "
            "including the routes used by migrants from East Africa."
        ),
        "type": "external-link",
        "objectives": [8, 1],
        "primary": 8,
        "principles": [6, 1],
        "themes": ["missing migrants", "migration data"],
        "organisations": ["iom"],
        "working_group": None,
        "date": "2024-01-22",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "https://missingmigrants.iom.int",
        "files": [],
        "related": ["smuggling-of-migrants-brief"],
        "translation_of": None,
        "edition_of": None,
    },
    {
        "slug": "unhcr-rwanda-data-portal",
        "title": "UNHCR operational data portal: Rwanda",
        "summary": (
            "UNHCR's portal with the latest figures, maps and reports on refugees and "
            "asylum-seekers in Rwanda."
        ),
        "type": "external-link",
        "objectives": [1, 15],
        "primary": 1,
        "principles": [6, 2],
        "themes": ["refugees", "population data"],
        "organisations": ["unhcr"],
        "working_group": None,
        "date": "2023-06-20",
        "languages": ["en"],
        "places": ["Rwanda"],
        "external_url": "https://data.unhcr.org/en/country/rwa",
        "files": [],
        "related": ["refugee-population-dataset-2025"],
        "translation_of": None,
        "edition_of": None,
    },
]

COLLECTIONS: list[dict] = [
    {
        "slug": "labour-migration-essentials",
        "title": "Labour migration essentials",
        "introduction": (
            "The resources to read first on labour migration from and to Rwanda. They cover fair "
            "recruitment, regular pathways, social protection and the recognition of skills, from "
            "policy advice to training material."
        ),
        "featured": True,
        "entries": [
            (
                "labour-migration-policy-brief-2025",
                "Start here: the Network's main recommendations on fair recruitment.",
            ),
            (
                "regular-labour-pathways-paper",
                "What good bilateral labour agreements contain, and how to build them.",
            ),
            (
                "women-domestic-workers-brief",
                (
                    "The sector where migrant workers are most isolated, seen through women's "
                    "experience."
                ),
            ),
            (
                "social-security-portability-study",
                "Why most Rwandan migrant workers have no pension coverage abroad.",
            ),
            (
                "skills-recognition-guidance",
                "How returnees can turn skills learnt abroad into recognised certificates.",
            ),
            (
                "ethical-recruitment-training-module",
                "A ready-to-use training module for labour inspectors and agencies.",
            ),
            (
                "remittance-prices-dataset",
                "The cost of sending money home, corridor by corridor.",
            ),
        ],
    },
    {
        "slug": "gcm-review-2026-evidence-pack",
        "title": "GCM review 2026 evidence pack",
        "introduction": (
            "The evidence the Network used to prepare Rwanda's contribution to the 2026 "
            "International Migration Review Forum. It brings together data, studies and "
            "consultation records, and the Network's 2022 contribution for comparison."
        ),
        "featured": True,
        "entries": [
            (
                "imrf-2026-national-consultation-record",
                "What stakeholders said about progress and gaps in November 2025.",
            ),
            (
                "migration-profile-2025",
                "The latest figures on migration to, from and within Rwanda.",
            ),
            (
                "migration-data-assessment",
                "Where migration data come from and where the gaps remain.",
            ),
            (
                "refugee-inclusion-health-services",
                "Evidence on the inclusion of refugees in national health insurance.",
            ),
            (
                "reintegration-sustainability-survey-2026",
                "The first measurement of how returnees fare a year after return.",
            ),
            (
                "gcm-review-2022-contribution",
                "The 2022 baseline, useful to see what has changed since the first review.",
            ),
        ],
    },
    {
        "slug": "counter-trafficking-training-kit",
        "title": "Training kit on counter-trafficking",
        "introduction": (
            "Everything a trainer needs to run a session on identifying and assisting victims of "
            "trafficking in persons. The kit combines the training package, the referral "
            "procedures it teaches and material for awareness-raising in communities."
        ),
        "featured": False,
        "entries": [
            (
                "ctip-training-frontline-officers",
                "The core training package, with five units and tests.",
            ),
            (
                "ctip-training-frontline-officers-fr",
                "The same package in French, for mixed or francophone groups.",
            ),
            (
                "counter-trafficking-guidance",
                "The referral procedures the training teaches; hand them out to participants.",
            ),
            (
                "smuggling-of-migrants-brief",
                (
                    "Useful for the unit that explains the difference between trafficking and "
                    "smuggling."
                ),
            ),
            (
                "safe-migration-leaflet-rw",
                "A Kinyarwanda leaflet participants can share in their communities.",
            ),
        ],
    },
    {
        "slug": "climate-and-displacement",
        "title": "Climate change, disasters and displacement",
        "introduction": (
            "Resources on displacement caused by floods, landslides and drought in Rwanda. They "
            "follow the response to the May 2023 floods and the policy options that came out of "
            "it."
        ),
        "featured": False,
        "entries": [
            (
                "border-management-climate-displacement",
                "The overview of the May 2023 floods and the response.",
            ),
            (
                "dtm-flood-displacement-dataset-2023",
                "Site-level DTM data behind the report, with a full codebook.",
            ),
            (
                "climate-mobility-policy-paper",
                "Policy options that connect climate, disaster risk and migration.",
            ),
            (
                "youth-migration-aspirations-study",
                "Context on why young people move, including the lack of rural livelihoods.",
            ),
        ],
    },
]
