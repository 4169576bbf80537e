"""The demo library: resources a migration network in Rwanda would hold, with the text of their files.

Written for the demo only; organisations and figures are illustrative, not official statistics.
"""

from __future__ import annotations

RESOURCES: list[dict] = [
    {
        "slug": "labour-migration-policy-brief-2025",
        "title": "Labour migration from Rwanda: fair recruitment and decent work",
        "summary": "A policy brief on the recruitment of Rwandan workers abroad, the costs they bear "
        "and what ethical recruitment would change.",
        "type": "policy-brief",
        "objectives": [6, 5, 18],
        "date": "2025-03-14",
        "author": "IOM Rwanda",
        "format": "pdf",
        "pages": [
            "Labour migration is a growing livelihood strategy for young Rwandans. This brief "
            "summarises what the network learned from recruitment agencies, returnees and "
            "employers.\n\nWorkers often pay recruitment fees that equal several months of wages.",
            "Fair recruitment means that workers never pay fees or related costs. The Employer Pays "
            "Principle should apply to every bilateral labour agreement signed by Rwanda.\n\n"
            "Contracts must be issued in Kinyarwanda before departure, and contract substitution "
            "on arrival must be prohibited.",
            "Recommendations: license and monitor recruitment agencies; publish a list of "
            "compliant agencies; create a complaints mechanism reachable from destination "
            "countries; train labour attachés in the Gulf states on decent work standards.",
        ],
    },
    {
        "slug": "remittances-financial-inclusion-study",
        "title": "Remittances and financial inclusion of migrant households",
        "summary": "A study of how households in Rwanda receive money from relatives abroad, what it "
        "costs, and how digital channels could lower the cost.",
        "type": "study",
        "objectives": [20, 19],
        "date": "2024-11-02",
        "author": "UNCDF",
        "format": "pdf",
        "pages": [
            "Remittances sent by the diaspora are an important source of income for households in "
            "every province of Rwanda.\n\nThe survey covered 1,200 households in Kigali City, the "
            "Southern and the Western provinces.",
            "The average cost of sending 200 US dollars to Rwanda remains above the SDG target of "
            "three percent. Mobile money transfers were the cheapest corridor observed.",
            "Households that receive remittances through a bank account are more likely to save "
            "and to invest in small businesses. Financial literacy training for remittance "
            "recipients doubled the share of households with savings.",
            "Recommendations: reduce transfer costs through competition between mobile money "
            "operators; promote diaspora bonds; include migrants in national financial inclusion "
            "strategies.",
        ],
    },
    {
        "slug": "counter-trafficking-guidance",
        "title": "Guidance on identification and referral of victims of trafficking",
        "summary": "Standard operating procedures for identifying presumed victims of trafficking "
        "in persons and referring them to protection services.",
        "type": "guidance",
        "objectives": [10, 7, 12],
        "date": "2025-06-20",
        "author": "IOM Rwanda",
        "format": "docx",
        "pages": [
            "These procedures help frontline officers at border posts, police stations and health "
            "centres identify presumed victims of trafficking in persons.\n\nIndicators include "
            "confiscated identity documents, debt bondage and restricted freedom of movement.",
            "Referral pathway: once a presumed victim is identified, the officer contacts the "
            "Isange One Stop Centre, which provides medical care, psychosocial support and "
            "temporary shelter.\n\nChildren are always referred to child protection services "
            "first.",
            "Data protection: information about victims is confidential and shared only with "
            "services involved in their protection, with their informed consent.",
        ],
    },
    {
        "slug": "migration-data-assessment",
        "title": "Assessment of migration data sources in Rwanda",
        "summary": "An assessment of administrative, census and survey sources of migration data, "
        "their gaps and how they could be disaggregated.",
        "type": "study",
        "objectives": [1, 23],
        "date": "2024-07-15",
        "author": "National Institute of Statistics of Rwanda",
        "format": "pdf",
        "pages": [
            "Evidence-based migration policy requires accurate and disaggregated data. This "
            "assessment maps every source of migration statistics produced in Rwanda.",
            "The population and housing census records place of birth and previous residence. "
            "Border crossing data are collected electronically at the main land borders and "
            "at Kigali International Airport.",
            "Gaps: emigration is poorly measured; data on internally displaced persons after "
            "floods and landslides are not consolidated; few sources disaggregate by disability.",
            "A migration data working group should harmonise definitions and publish an annual "
            "migration profile.",
        ],
    },
    {
        "slug": "refugee-inclusion-health-services",
        "title": "Access to health services for refugees and migrants",
        "summary": "A report on how refugees and migrants use health insurance and primary health "
        "care, with barriers and good practices.",
        "type": "report",
        "objectives": [15, 16],
        "date": "2025-01-28",
        "author": "WHO Rwanda",
        "format": "pdf",
        "pages": [
            "Rwanda has included refugees in the community-based health insurance scheme. This "
            "report reviews the first years of that inclusion.",
            "Barriers remain: language, distance to health centres from camps such as Mahama, and "
            "the cost of medicines not covered by insurance.\n\nMental health and psychosocial "
            "support services are available in few districts.",
            "Good practice: community health workers who speak the languages of refugees improve "
            "vaccination coverage and maternal health outcomes.",
        ],
    },
    {
        "slug": "return-reintegration-framework",
        "title": "Sustainable reintegration of returnees: a framework for districts",
        "summary": "A framework that helps district authorities support returning migrants with "
        "economic, social and psychosocial reintegration.",
        "type": "policy-paper",
        "objectives": [21, 16, 19],
        "date": "2025-09-05",
        "author": "UN Network on Migration in Rwanda",
        "format": "docx",
        "pages": [
            "Returnees arrive with skills, savings and expectations, but also with debts and "
            "sometimes trauma. Sustainable reintegration means economic self-sufficiency, "
            "social stability and psychosocial well-being.",
            "Districts should map services available to returnees: vocational training, "
            "business grants, health care and counselling.\n\nReturnee associations can mentor "
            "new arrivals.",
            "Monitoring: a reintegration sustainability survey should be conducted 12 months "
            "after return to measure outcomes.",
        ],
    },
    {
        "slug": "child-migrants-protection-brief",
        "title": "Protecting unaccompanied and separated children on the move",
        "summary": "A brief on the situation of unaccompanied and separated children crossing "
        "borders, and the services that protect them.",
        "type": "policy-brief",
        "objectives": [7, 15],
        "date": "2025-05-12",
        "author": "UNICEF Rwanda",
        "format": "pdf",
        "pages": [
            "Unaccompanied and separated children face risks of exploitation, trafficking and "
            "abuse. The best interests of the child must guide every decision.",
            "Family tracing and reunification should start as soon as a child is identified. "
            "Alternative care in foster families is preferred over institutional care.",
            "Recommendations: appoint a guardian for every unaccompanied child; train border "
            "officials in child-sensitive interviewing; never detain children for migration "
            "reasons.",
        ],
    },
    {
        "slug": "border-management-climate-displacement",
        "title": "Climate change, disasters and displacement in Rwanda",
        "summary": "An overview of displacement caused by floods and landslides, and of "
        "preparedness measures in high-risk districts.",
        "type": "report",
        "objectives": [2, 7, 23],
        "date": "2024-03-30",
        "author": "IOM Rwanda",
        "format": "pdf",
        "pages": [
            "Heavy rains in May 2023 caused floods and landslides in the Western and Northern "
            "provinces, displacing thousands of households.",
            "Internally displaced persons were hosted in schools and churches. The displacement "
            "tracking matrix recorded needs for shelter, water and sanitation.",
            "Preparedness: early warning systems, relocation from high-risk zones and "
            "climate-resilient housing reduce future displacement.",
            "Planned relocation must respect the rights of affected communities and include "
            "consultation before any move.",
        ],
    },
    {
        "slug": "network-quarterly-meeting-minutes-q2-2025",
        "title": "Minutes of the Network's quarterly meeting, second quarter 2025",
        "summary": "Minutes of the quarterly meeting of the UN Network on Migration in Rwanda, "
        "with decisions on the annual workplan and the TWG on labour migration.",
        "type": "meeting-record",
        "objectives": [23],
        "date": "2025-06-30",
        "author": "Secretariat of the UN Network on Migration in Rwanda",
        "format": "docx",
        "pages": [
            "Attendance: IOM (chair), RCO, UNICEF, UNHCR, WFP, WHO, UNCDF, UNFPA.\n\nThe "
            "Secretariat presented progress on the annual workplan.",
            "Decision 1: the TWG on labour migration will draft a policy paper on fair "
            "recruitment by the end of the third quarter.\n\nDecision 2: the Network will "
            "support the national migration policy review.",
            "Next meeting: September 2025, hosted by UNHCR.",
        ],
    },
    {
        "slug": "diaspora-engagement-toolkit",
        "title": "Diaspora engagement toolkit for local authorities",
        "summary": "A toolkit that helps districts involve the Rwandan diaspora in local "
        "development, investment and skills transfer.",
        "type": "guidance",
        "objectives": [19, 18, 20],
        "date": "2023-10-10",
        "author": "UN Network on Migration in Rwanda",
        "format": "pdf",
        "pages": [
            "The Rwandan diaspora contributes knowledge, investment and networks. This toolkit "
            "offers districts practical steps to engage them.",
            "Skills transfer: short assignments of diaspora professionals in hospitals and "
            "universities strengthen local capacity.",
            "Investment: district investment profiles and diaspora investment forums connect "
            "investors with opportunities.",
        ],
    },
]
