"""Webs of many conversations at once, for the practice overview and the evaluation export.

Each conversation's scores come as plain columns of one row (a pivot in portable SQL: GROUP BY
with CASE, no engine-specific JSON functions): per dimension the score set by hand, the total
and count of its scored aspects, and whether it was chosen as focus. The effective score then
follows the domain's rule (`pgdesk.domain.scores.dimension_score`) from those numbers, without
building a conversation object per row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import mul

from pgdesk.domain.instrument import SCALE_MAX, Instrument
from pgdesk.domain.scores import web_area


class Pivot:
    """The SQL of a conversation's score columns for one instrument, and reading them back.

    `tables(where)` defines the pivots as common table expressions keyed by consultation (with
    `where`, SQL over `consultation_id`, they read only the conversations asked for, through the
    covering indexes); `joins(conversation, prefix)` attaches them to the conversation whose id is
    the SQL `conversation` (e.g. `c.id`), as often as
    needed (a start and an eind share one pivot). Columns per dimension, in instrument order:
    manual score, aspect total, aspect count (then, with focus, one column: the focus dimensions
as bits, instrument order from the lowest).

    Measured at 50,000 patients on SQLCipher: one pass over each covering index in its own
    order beats a correlated look-up per conversation (random pages, each decrypted again).
    """

    def __init__(self, instrument: Instrument, *, focus: bool = False):
        self.instrument = instrument
        self.dims = instrument.dimension_ids
        self.aspects = [tuple(a.id for a in d.aspects) for d in instrument.dimensions]
        self.with_focus = focus
        # score columns per conversation (manual, aspect total, aspect count per dimension)
        self.width = 3 * len(self.dims)
        # the full web's area once, not per row (domain.scores.web_area_fraction divides by it)
        self._full = web_area([SCALE_MAX] * len(self.dims)) if len(self.dims) >= 3 else 0.0
        self._wedge = math.sin(2 * math.pi / len(self.dims)) / 2 if self._full else 0.0

    def columns(self, prefix: str) -> str:
        parts = []
        for i in range(len(self.dims)):
            parts += [f"{prefix}_s.m{i}", f"{prefix}_a.t{i}", f"{prefix}_a.n{i}"]
        if self.with_focus:
            parts.append(f"{prefix}_f.f")
        return ", ".join(parts)

    def tables(self, *, where: str = "", where_params: Sequence = ()) -> tuple[str, list]:
        """`WITH` entries pivot_manual, pivot_aspects (and pivot_focus), and their parameters."""
        cond = f"WHERE {where} " if where else ""
        params: list = []
        manual = ", ".join(f"MAX(CASE WHEN dimension_id = ? THEN score END) AS m{i}"
                           for i in range(len(self.dims)))
        params += [*self.dims, *where_params]
        sql = (f"pivot_manual AS (SELECT consultation_id, {manual} FROM dimension_scores {cond}"
               "GROUP BY consultation_id), ")
        sums = []
        for i, aspects in enumerate(self.aspects):
            known = "(dimension_id = ? AND aspect_id IN ({}))".format(
                ", ".join("?" * len(aspects))) if aspects else "(1 = 0)"
            sums.append(f"SUM(CASE WHEN {known} THEN score END) AS t{i}, "
                        f"COUNT(CASE WHEN {known} THEN score END) AS n{i}")
            params += ([self.dims[i], *aspects] if aspects else []) * 2
        params += where_params
        sql += (f"pivot_aspects AS (SELECT consultation_id, {', '.join(sums)} FROM aspect_scores "
                f"{cond}GROUP BY consultation_id)")
        if self.with_focus:  # a dimension and one of its aspects both marked count once: MAX
            # per dimension, not a SUM(DISTINCT) that sorts every conversation's marks
            bits = " + ".join(f"MAX(CASE WHEN dimension_id = ? THEN {1 << i} ELSE 0 END)"
                              for i in range(len(self.dims)))
            params += [*self.dims, *where_params]
            sql += (f", pivot_focus AS (SELECT consultation_id, {bits} AS f FROM marks "
                    f"WHERE kind = 'focus' {'AND ' + where + ' ' if where else ''}"
                    "GROUP BY consultation_id)")
        return sql, params

    def joins(self, conversation: str, prefix: str) -> str:
        """LEFT JOINs that bring the columns of `columns(prefix)` for the conversation whose id
        is `conversation`."""
        sql = (f"LEFT JOIN pivot_manual {prefix}_s ON {prefix}_s.consultation_id = {conversation} "
               f"LEFT JOIN pivot_aspects {prefix}_a ON {prefix}_a.consultation_id = {conversation} ")
        if self.with_focus:
            sql += f"LEFT JOIN pivot_focus {prefix}_f ON {prefix}_f.consultation_id = {conversation} "
        return sql

    def scores(self, row: Sequence, at: int = 0) -> list[float | None]:
        """The effective score per dimension from the `width` columns at `at`: a score set by
        hand wins, else the mean of the scored aspects (rounded as the domain rounds it)."""
        end = at + self.width
        if not any(row[at + 2:end:3]):  # no aspect scored (the usual): the hand-set ones only
            return [None if manual is None else float(manual) for manual in row[at:end:3]]
        return [float(manual) if manual is not None else round(total / count, 1) if count else None
                for manual, total, count in zip(row[at:end:3], row[at + 1:end:3], row[at + 2:end:3],
                                                strict=True)]

    def focus(self, bits: int | None) -> tuple[str, ...]:
        """The focus dimensions (instrument order) from the focus column's bits."""
        return tuple(d for i, d in enumerate(self.dims) if (bits or 0) >> i & 1)

    def area_pct(self, scores: Sequence[float | None]) -> float:
        """The web's area as a percentage of the full web, to one decimal: web_area_fraction's
        arithmetic step for step (so the same digits), without its per-call set-up."""
        if not self._full:
            return 0.0
        r = [float(s or 0.0) for s in scores]
        return round(self._wedge * sum(map(mul, r, r[1:] + r[:1])) / self._full * 100, 1)
