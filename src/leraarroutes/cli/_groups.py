"""The "what can I become?" answer for people (internal): qualifications grouped, open ones first."""

from __future__ import annotations

from leraarroutes.diagrams.words import SETTING_LABELS, route_figures
from leraarroutes.engine.groups import QualificationGroup
from leraarroutes.engine.routes import Route
from leraarroutes.model.qualifications import Qualification

OPEN_SHOWN = 8
"""Lines of open qualifications (those with the same kind, best route and figures share one); the
rest are counted (``--all`` lists them)."""
CONDITIONAL_SHOWN = 8
"""Lines of conditional qualifications (those with the same kind, figures and check share one)."""
SUBJECTS_SHOWN = 6
"""Subjects named on one line of conditional qualifications."""

_T = {
    "nl": {
        "open": "Nu open voor jou ({n} bevoegdheden)",
        "conditional": "Open als een voorwaarde uitkomt ({n} bevoegdheden)",
        "teaches": "lesgeven in",
        "best": "beste route",
        "more_routes": "nog {n} routes",
        "more_route": "nog 1 route",
        "also": "geeft ook",
        "check": "na te gaan",
        "rest_open": "en nog {n} open bevoegdheden, elk {m} maanden of langer",
        "rest_open_plain": "en nog {n} open bevoegdheden",
        "rest_conditional": "en nog {n} regels met andere voorwaarden",
        "all": "--all toont alles; --target BEVOEGDHEID toont alle routes naar één bevoegdheid",
        "none": "Geen routes gevonden.",
        "months": "maanden",
        "unknown": "onbekend",
    },
    "en": {
        "open": "Open to you now ({n} qualifications)",
        "conditional": "Open if a condition holds ({n} qualifications)",
        "teaches": "teach in",
        "best": "best route",
        "more_routes": "{n} more routes",
        "more_route": "1 more route",
        "also": "also gives",
        "check": "to check",
        "rest_open": "and {n} more open qualifications, each {m} months or longer",
        "rest_open_plain": "and {n} more open qualifications",
        "rest_conditional": "and {n} more lines with other conditions",
        "all": "--all shows everything; --target QUALIFICATION shows every route to one qualification",
        "none": "No routes found.",
        "months": "months",
        "unknown": "unknown",
    },
}


def _steps(route: Route, lang: str) -> str:
    return " → ".join((s.name_en if lang == "en" and s.name_en else s.name) for s in route.steps)


def _kind_words(group: QualificationGroup, lang: str) -> str:
    return Qualification.parse(group.qualification).kind.label(lang)


def _subject_words(group: QualificationGroup, lang: str) -> str:
    """The subject of a group's qualification in words ("Geschiedenis en staatsinrichting"), or ""."""
    if Qualification.parse(group.qualification).subject is None:
        return ""
    return group.label(lang).removeprefix(_kind_words(group, lang) + " ")


def _open_lines(group: QualificationGroup, lang: str) -> list[str]:
    t = _T[lang]
    where = ", ".join(SETTING_LABELS[lang][s] for s in group.teaches)
    head = f"  {group.label(lang)}" + (f" - {t['teaches']}: {where}" if where else "")
    best = f"     {t['best']}: {route_figures(group.best, lang)} - {_steps(group.best, lang)}"
    extra = []
    others = len(group.routes) - 1 + group.more
    if others:
        extra.append(t["more_route"] if others == 1 else t["more_routes"].format(n=others))
    if group.also:  # narrower qualifications of the same subject: the kind says which
        subject = _subject_words(group, lang)
        also = [" ".join(filter(None, (Qualification.parse(q).kind.label(lang), subject))) for q in group.also]
        extra.append(f"{t['also']}: {', '.join(also)}")
    return [head, best + (f" ({'; '.join(extra)})" if extra else "")]


def _open_clusters(groups: list[QualificationGroup], lang: str) -> list[list[QualificationGroup]]:
    """Open groups with the same kind, best route and figures together.

    The 27 subjects of the tweedegraads bachelor read as one line, so the pabo and the ALO stay in view.
    """
    clusters: dict[tuple[str, str, str, tuple[str, ...]], list[QualificationGroup]] = {}
    for group in groups:
        kind = group.qualification.partition(":")[0]
        key = (kind, route_figures(group.best, lang), _steps(group.best, lang), tuple(group.teaches))
        clusters.setdefault(key, []).append(group)
    return list(clusters.values())


def _cluster_lines(cluster: list[QualificationGroup], lang: str) -> list[str]:
    if len(cluster) == 1:
        return _open_lines(cluster[0], lang)
    t = _T[lang]
    kind = _kind_words(cluster[0], lang)
    subjects = [_subject_words(g, lang) for g in cluster]
    listed = ", ".join(subjects[:SUBJECTS_SHOWN]) + (
        f" (+{len(subjects) - SUBJECTS_SHOWN})" if len(subjects) > SUBJECTS_SHOWN else ""
    )
    where = ", ".join(SETTING_LABELS[lang][s] for s in cluster[0].teaches)
    head = f"  {kind} {listed}" + (f" - {t['teaches']}: {where}" if where else "")
    return [head, f"     {t['best']}: {route_figures(cluster[0].best, lang)} - {_steps(cluster[0].best, lang)}"]


def _check(route: Route, lang: str) -> str:
    """The first thing to check on a route, and how many more there are."""
    checks = [c.text(lang) for step in route.steps for c in step.conditions]
    if not checks:
        return ""
    return checks[0] + (f" (+{len(checks) - 1})" if len(checks) > 1 else "")


def _conditional_lines(groups: list[QualificationGroup], lang: str) -> list[str]:
    """One line per kind of qualification, figures and check: 38 subjects that hang on one decision read as one."""
    t = _T[lang]
    clusters: dict[tuple[str, str, str], list[str]] = {}
    for group in groups:
        kind = _kind_words(group, lang)
        key = (kind, route_figures(group.best, lang), _check(group.best, lang))
        clusters.setdefault(key, []).append(_subject_words(group, lang))
    lines = []
    for (kind, figures, check), subjects in clusters.items():
        named = [s for s in subjects if s]
        listed = ", ".join(named[:SUBJECTS_SHOWN]) + (
            f" (+{len(named) - SUBJECTS_SHOWN})" if len(named) > SUBJECTS_SHOWN else ""
        )
        label = f"{kind} {listed}" if named else kind
        lines.append(f"  {label}: {figures} - {t['check']}: {check}")
    return lines


def groups_text(  # noqa: C901 - open, then conditional, each with its own rest
    groups: tuple[QualificationGroup, ...], lang: str = "nl", *, everything: bool = False
) -> list[str]:
    """The grouped answer as lines: open qualifications with their best route, then conditional ones.

    Without ``everything`` at most :data:`OPEN_SHOWN` open and :data:`CONDITIONAL_SHOWN`
    conditional qualifications are written out and the rest counted, so the answer fits a screen.
    """
    t = _T[lang]
    if not groups:
        return [t["none"]]
    open_groups = [g for g in groups if g.status == "open"]
    conditional = [g for g in groups if g.status != "open"]
    lines: list[str] = []
    if open_groups:
        lines.append(t["open"].format(n=len(open_groups)) + ":")
        if everything:
            for group in open_groups:
                lines.extend(_open_lines(group, lang))
            rest: list[QualificationGroup] = []
        else:
            clusters = _open_clusters(open_groups, lang)
            for cluster in clusters[:OPEN_SHOWN]:
                lines.extend(_cluster_lines(cluster, lang))
            rest = [g for cluster in clusters[OPEN_SHOWN:] for g in cluster]
        if rest:
            known = [g.best.months for g in rest if g.best.months is not None and not g.best.months_unknown]
            if len(known) == len(rest):  # "each at least" only when every figure is known
                lines.append("  " + t["rest_open"].format(n=len(rest), m=min(known)))
            else:
                lines.append("  " + t["rest_open_plain"].format(n=len(rest)))
        lines.append("")
    if conditional:
        lines.append(t["conditional"].format(n=len(conditional)) + ":")
        clustered = _conditional_lines(conditional, lang)
        written = clustered if everything else clustered[:CONDITIONAL_SHOWN]
        lines.extend(written)
        if len(clustered) > len(written):
            lines.append("  " + t["rest_conditional"].format(n=len(clustered) - len(written)))
        lines.append("")
    if not everything:
        lines.append(f"({t['all']})")
    return lines
