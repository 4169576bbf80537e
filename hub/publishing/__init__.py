"""Publishing as a Technical Working Group: roles, TWG sections, the review workflow, shared previews.

- ``models``: the TWG section page (where a TWG's drafts live) and the review task whose
  fallback reviewers (the Secretariat) may act when a TWG has no chair left.
- ``hub.roles``: the role groups and each TWG's own groups and page permissions.
- ``hub.workflow``: the workflows, the "reject" action and the fallback reviewers' emails.
- ``preview``: signed, expiring preview links a member can share with a colleague.
"""
