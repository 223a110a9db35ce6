"""One person's route map: the person, the routes found for them, and what is closed to them."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable

import graphviz

from leraarroutes import _validate
from leraarroutes._version import __version__
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.programmes import ProgrammeKind
from leraarroutes.diagrams.dot import _dot
from leraarroutes.diagrams.mermaid import _mermaid
from leraarroutes.diagrams.styles import _STYLE, _Diagram, _Edge, _Node
from leraarroutes.diagrams.words import _WORDS, KIND_LABELS
from leraarroutes.engine import explain, find_routes, group_routes
from leraarroutes.engine.routes import SCHOOL_TARGETS, Blocked
from leraarroutes.ids import offering_subject
from leraarroutes.model.profile import Profile


def _personal(
    catalogue: Catalogue, profile: Profile, target: str | None, *, day: dt.date, lang: str, limit: int
) -> _Diagram:
    words = _WORDS[_validate.language(lang)]
    every = find_routes(catalogue, profile, target, as_of=day, lang=lang)
    school = target in SCHOOL_TARGETS
    if target and not school:
        routes, shown, total = every[:limit], 0, 0
    else:
        # "what can I become?": the best route to each qualification, open ones first, as the
        # text answer groups them; the heading says how many qualifications were left out
        best = group_routes(catalogue, every, as_of=day, per_qualification=1)
        routes = tuple(g.best for g in best[:limit])
        shown, total = len(routes), len(best)
    blocked = explain(catalogue, profile, target, as_of=day) if target and not school else ()
    you = [words["you"]]
    you += [d.level.value + (f": {d.programme}" if d.programme else "") for d in profile.diplomas]
    you += [str(q) for q in profile.qualifications]
    if profile.job is not None:
        you.append(
            f"{words['job']}: {profile.job.sector.value}" + (f" ({profile.job.subject})" if profile.job.subject else "")
        )
    nodes: dict[str, _Node] = {
        "you": _Node(
            id="you",
            label=tuple(you),
            group="start",
            shape="ellipse",
            style="filled,bold",
            fill="#ffffbf",
            penwidth="2",
        )
    }
    edges: dict[tuple[str, str], _Edge] = {}
    kinds: set[ProgrammeKind] = set()
    # Conditions and reasons as numbered notes in the legend: a PNG or a PDF has no tooltips.
    notes: dict[str, int] = {}

    def note(text: str) -> str:
        return f"({notes.setdefault(text, len(notes) + 1)})"

    for route in routes:
        previous = "you"
        for step in route.steps:
            p = catalogue.programme(step.programme)
            kinds.add(p.kind)
            fill, shape = _STYLE[p.kind]
            name = step.name_en if lang == "en" and step.name_en else step.name
            facts = ", ".join(
                x
                for x in (
                    f"{step.months} {words['months']}" if step.months else "",  # a test takes no months
                    f"{step.ec} EC" if step.ec is not None else "",
                )
                if x
            )
            label = (name, offering_subject(step.programme) or "", facts)
            nodes.setdefault(
                step.programme,
                _Node(
                    id=step.programme, label=tuple(x for x in label if x), group=p.sector.value, fill=fill, shape=shape
                ),
            )
            conditional = bool(step.conditions)
            key = (previous, step.programme)
            condition = "; ".join(c.text(lang) for c in step.conditions) or None
            edge = _Edge(
                tail=previous,
                head=step.programme,
                style="dashed" if conditional else "solid",
                color="#e6550d" if conditional else "#31a354",
                penwidth="1.5" if conditional else "2.5",
                label=note(condition) if condition else None,
                tooltip=condition,
            )
            if key not in edges or (edges[key].style == "dashed" and edge.style == "solid"):
                edges[key] = edge
            previous = step.programme
        qid = f"q-{route.qualification}"
        nodes.setdefault(
            qid,
            _Node(
                id=qid,
                label=(catalogue.qualification_name(route.qualification, lang),),
                group="q",
                shape="doubleoctagon",
                style="filled",
                fill="#fff7bc",
                penwidth="1.5",
            ),
        )
        edges.setdefault((previous, qid), _Edge(tail=previous, head=qid, color="#333333", penwidth="1.5"))
    for node in _closed(catalogue, [b for b in blocked if b.programme not in nodes], words, lang, note):
        nodes[node.id] = node
        edges[("you", node.id)] = _Edge(tail="you", head=node.id, style="dotted", color="#bbbbbb")
    present = {n.group for n in nodes.values()}
    groups = (
        [("start", words["start"])]
        + [(s, words[s]) for s in ("po", "vo", "mbo") if s in present]
        + [("q", words["qualifications"])]
    )
    return _Diagram(
        title="persoonlijk" if lang == "nl" else "personal",
        groups=tuple(groups),
        nodes=tuple(sorted(nodes.values(), key=lambda n: (n.id != "you", n.id))),
        edges=tuple(sorted(edges.values(), key=lambda e: (e.tail, e.head))),
        legend=tuple(
            (k.value, _STYLE[k][0], KIND_LABELS[lang][k])
            for k in sorted(kinds, key=lambda k: list(ProgrammeKind).index(k))
        ),
        legend_title=words["legend"],
        legend_notes=(
            *words["lines_note"].split("; "),
            *(f"({number}) {_wrapped(text)}" for text, number in notes.items()),
        ),
        heading=_heading(
            profile,
            target,
            day,
            words,
            cut=(shown, total) if target is None or school else (len(routes), len(every)),
            catalogue_version=catalogue.version,
            target_words=None if target is None or school else catalogue.qualification_name(target, lang),
        ),
    )


def _closed(
    catalogue: Catalogue, blocked: list[Blocked], words: dict[str, str], lang: str, note: Callable[[str], str]
) -> list[_Node]:
    """The closed programmes as one list per sector, each with the number of its note.

    A box per programme would make the map as tall as the list and its text too small to read.
    """
    closed: dict[str, list[str]] = {}
    tooltips: dict[str, list[str]] = {}
    for b in blocked:
        p = catalogue.programme(b.programme)
        reasons = "; ".join(r.text(lang) for r in b.reasons)
        name = p.name_en if lang == "en" and p.name_en else p.name
        subject = offering_subject(b.programme)
        closed.setdefault(p.sector.value, []).append(f"{name}{f' ({subject})' if subject else ''} {note(reasons)}")
        tooltips.setdefault(p.sector.value, []).append(f"{name}: {reasons}")
    return [
        _Node(
            id=f"closed-{sector}",
            label=(words["closed"].format(n=len(lines)), *lines),
            group=sector,
            fill="#eeeeee",
            style="filled,rounded,dotted",
            tooltip=" | ".join(tooltips[sector]),
            wrap=64,
        )
        for sector, lines in closed.items()
    ]


_NOTE_WIDTH = 48  # characters per line of a note in the legend


def _wrapped(text: str) -> str:
    return "\n".join(textwrap.wrap(text, _NOTE_WIDTH)) or text


def _heading(
    profile: Profile,
    target: str | None,
    day: dt.date,
    words: dict[str, str],
    *,
    cut: tuple[int, int],
    catalogue_version: str,
    target_words: str | None,
) -> tuple[str, ...]:
    title = words["personal"].format(who=profile.description or words["who"])
    if target:
        title += " " + words["to"].format(target=target_words or target)
    source = words["source"].format(version=__version__, catalogue=catalogue_version)
    lines = [title, words["as_of"].format(day=day.isoformat()) + "; " + source]
    shown, total = cut
    if shown < total:
        per_route = bool(target) and target not in SCHOOL_TARGETS
        lines.append(words["limit" if per_route else "limit_groups"].format(shown=shown, total=total))
    return tuple(lines)


def personal_digraph(
    catalogue: Catalogue,
    profile: Profile,
    target: str | None = None,
    *,
    as_of: dt.date | None = None,
    lang: str = "nl",
    limit: int = 12,
    page: str = "a4",
    dpi: int = 96,
) -> graphviz.Digraph:
    """One person's route map, with the person marked as the starting point.

    Open routes are bold, conditional routes dashed with a numbered note, and blocked programmes
    grey with a numbered note; the notes stand in the legend (and in the SVG's tooltips). At most
    ``limit`` routes (with a target) or qualifications (without); the heading says what was left
    out. Fitted to ``page``, like :func:`~leraarroutes.diagrams.overviews.to_digraph`.

    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> graph = personal_digraph(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1))
    >>> graph.source.splitlines()[0], "pwpo" in graph.source
    ('digraph persoonlijk {', True)
    """
    return _dot(
        _personal(catalogue, profile, target, day=_validate.day(as_of), lang=lang, limit=limit), page=page, dpi=dpi
    )


def personal_mermaid(
    catalogue: Catalogue, profile: Profile, target: str | None = None, *, as_of: dt.date | None = None, lang: str = "nl"
) -> str:
    """One person's route map as Mermaid flowchart text.

    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> personal_mermaid(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1)).splitlines()[:3]
    ['flowchart LR', '  subgraph start["Vooropleiding"]', '    n0["Jij<br/>vwo"]']
    """
    return _mermaid(_personal(catalogue, profile, target, day=_validate.day(as_of), lang=lang, limit=12))
