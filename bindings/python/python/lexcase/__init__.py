"""lexcase: an embeddable legal case-management engine.

Open a firm database with :func:`open`, set it up once with :meth:`Firm.initialise`, then act
as a user through a :class:`Session` and its namespaces ``users``, ``contacts``, ``matters``,
``audit``, ``settings``, ``workflow``, ``tasks``, ``notes``, ``documents``, ``appointments``,
``communications``, ``docket``, ``interchange``, ``time``, ``bills``, ``payments``,
``client_money``, ``reports``, ``conflicts`` and ``compliance``. Deadline rules come from
:func:`builtin_rule`, :func:`builtin_rule_packs` and :func:`rule_pack_from_toml` /
:func:`rule_pack_from_json`; :meth:`DeadlineRule.compute` computes one without docketing it.
Compliance packs (a different thing) come from :func:`builtin_compliance_packs` and
:func:`compliance_pack_from_toml` / :func:`compliance_pack_from_json`::

    import lexcase

    firm = lexcase.open("firm.lexcase")
    session = firm.session_by_email("ada@smith.example")
    page = session.matters.list(text="acacia")

Ids are :class:`uuid.UUID`, dates :class:`datetime.date`, instants aware
:class:`datetime.datetime` (returned in UTC), calendar times naive :class:`datetime.datetime`
with an IANA zone name beside them, money :class:`decimal.Decimal` (or a
string; never a float), enum values their stable snake_case names (``"fee_earner"``).

Every error lexcase raises derives from :class:`LexcaseError` and carries a stable ``code``;
:class:`ValidationError` is also a :class:`ValueError`.
"""

# The public names are the native module's: pyo3 lists every class, function and constant the
# module adds in `_lexcase.__all__` (the stub states the same list for type checkers).
from lexcase._lexcase import *  # noqa: F403
from lexcase._lexcase import __all__ as __all__
