#!/usr/bin/env python3
"""Write scenarios/eindhoven-2020-clients.csv, the known clients of eindhoven-2020.yaml.

Run from anywhere:  python3 scenarios/tools/make-eindhoven-clients.py
The output is deterministic (no randomness); running the script again reproduces the CSV
byte for byte.  Check with:  git diff --exit-code scenarios/eindhoven-2020-clients.csv

Source: seed 000 (KplusV, final evaluation "Versnelling arbeidsparticipatie
vergunninghouders", Eindhoven, May 2020).  Line numbers are those of
seeds/000_0723ed1fabdf6744.txt.  Every value below is either read from that report or
marked as an assumption.

WHO IS IN THE FILE (539 clients)
  E0001-E0479  the caseload on 1 March 2020: "circa 479 vergunninghouders" (L1476;
               Tabel 5, L1465-1474: 419 carried over from 2019 + 60 taken in Jan-Feb 2020).
  E0480-E0539  the 60 "nog niet opgepakt" on 1 March 2020 (L1476-1478; Tabel 2,
               L1098-1105 and L1131-1134: 30 MALG list + 16 WIJeindhoven referrals +
               14 taakstellers 2020).  In id order: E0480-E0509 MALG, E0510-E0525 WIJ,
               E0526-E0539 taakstellers (order: assumption).  All available 2020-03
               (they are known at the peildatum; earlier availability would be clamped to
               month 0 anyway, MODEL.md "Time").
  The ~100 expected newcomers of 2020 (L1479-1480) and the 2021 newcomers are not known
  clients; they are the `inflow` of eindhoven-2020.yaml.

CASELOAD ON 1 MARCH 2020 (E0001-E0479): history, pinned
  intake      Pinned, before 2020-03 (history, MODEL.md "A feasible plan" 1).
              - 60 in Jan-Feb 2020 (Tabel 5 row 2020, L1474): 30 in 2020-01 and 30 in
                2020-02, i.e. the average 30 a month of 360 a year (L1385-1386; arithmetic).
              - 419 carried over from 2019 (L1473): intake months spread evenly over
                2018-01 .. 2019-12 (assumption: 24 months; the report gives no intake dates,
                and only 2018-2019 inflow can still be on the caseload after the mean stay of
                about 1.8 years, DOMAIN.md §3).  419 = 24 x 17 + 11 (arithmetic): the 11
                latest months (2019-02 .. 2019-12) get 18, the 13 earlier ones 17
                (assumption: recent intakes are more likely still in guidance).
  available   = intake month (assumption; irrelevant for history, as waiting before
              month 0 never counts, MODEL.md "Objective").
  route       participatie = [voortraject, vervolgtraject] (L98-107, L777-843).
  profile     empty: Eindhoven uses no profiles (the "klantbeeld", L767-775, is not a
              category), and no Eindhoven programme lists profiles.
  languages   Cycle of 20 clients: 13 Arabic, 3 Tigrinya, 4 other, i.e. 65% / 15% / 20%
              from nationalities: ~65% Syrian, 15% Eritrean (L1076-1077); the rest is the
              remainder (arithmetic).  Mapping nationality -> language is an assumption.
              Codes: ISO 639-1 (`ar` Arabic, `ti` Tigrinya, `nl` Dutch).  "Other" clients
              get an EMPTY language list: MODEL.md says an empty list matches anyone; we
              read it as "no in-team language for them, the conversation is in Dutch or
              with an interpreter", so language matching never penalises them.
  specialist  Pinned (history: no handover, MODEL.md 1).  Five specialists (L890-891,
              L1321-1322): SP1 speaks Arabic, SP2 Tigrinya (L670-671).  The same cycle of
              20 gives each specialist exactly 4 clients: SP1 gets 4 Arabic speakers,
              SP2 the 3 Tigrinya speakers + 1 other, SP3-SP5 the rest (assumption: a
              language-aware but even split).  479 = 23 x 20 + 19, the missing 20th
              position belongs to SP5, so SP1-SP4 have 96 and SP5 has 95 (arithmetic),
              "spread evenly (~96 each)" (DOMAIN.md §7a).  With cap 100 a year (L1494)
              that leaves 4 + 4 + 4 + 4 + 5 = 21 intakes in 2020 (arithmetic).
  done /      Nominal history (assumption): voortraject ready one month after intake
  step pins   (intake_months 1, assumption), 3 months (12 weeks, L785); vervolgtraject
              3 months (10-12 weeks, L842-843).  About 10% skip the voortraject
              (L779-783): every client whose position in its group ends in 4
              (k mod 10 == 4) gets `done: voortraject` (assumption: evenly spread).
              - Intake 2019-08 or earlier: both steps completed before 2020-03
                (intake + 1 + 3 + 3 <= 2020-03, arithmetic): done = both.
              - Intake 2019-09 .. 2020-02 (132 clients): replayed month by month with the
                capacities of eindhoven-2020.yaml (voortraject 2 groups x 10 seats,
                vervolgtraject 2 groups x 15 seats, both monthly), first come first served
                by (intake, id).  A step that ended before 2020-03 is `done`; a step that
                started before 2020-03 but runs on is pinned (STEP.programme, STEP.start:
                a history cohort, MODEL.md "Fine points"); a step that would start in
                2020-03 or later is left to the plan (a backlog before the voortraject is
                documented, L1934-1938).  Result: 89 of the 479 still have a step to
                plan from 2020-03, 34 of them the voortraject (arithmetic).
  exit        Pinned.  The stock leaves at the 2019 outflow rate, 178 a year (Tabel 5,
              L1473; assumption that the rate holds for this stock): the j-th leaver
              (j = 0, 1, ...) leaves in the first month m >= 1 after 2020-03 with
              floor(178 * m / 12) > j, i.e. about 15 a month from 2020-04 on.  Leavers are
              taken oldest intake first (assumption: first in, first out), so nobody who
              still has a step to do leaves before the horizon.  311 exits fall inside the
              horizon (2020-04 .. 2021-12); the other 168 are pinned to months after
              2021-12 (to 2022-12): they stay on the caseload to the end of the horizon.
              Everyone's exit is 2020-04 or later, so all 479 count in 2020 (MODEL.md 5).

NOT YET PICKED UP (E0480-E0539)
  available 2020-03, route participatie, no pins; languages by the same cycle of 20
  (39 ar / 9 ti / 12 other, arithmetic); k mod 10 == 4 skips the voortraject (6 clients).

CSV format (MODEL.md "Scenario keys"): lists inside a cell are separated by ';', empty
cells mean "not given".  Columns: id, available, route, profile, languages, done,
specialist, intake, exit, voortraject.programme, voortraject.start,
vervolgtraject.programme, vervolgtraject.start.
"""

import csv
import io
import os
import sys

START = (2020, 3)  # scenario month 0 (seed 000, L1476: caseload on 1 March 2020)

# Programme ids and capacities: keep in step with eindhoven-2020.yaml.
VOORTRAJECT = "ehv-voortraject"
VERVOLGTRAJECT = "ehv-vervolgtraject"
VT_MONTHS = 3  # 12 weeks (L785) -> ceil(12 * 12 / 52) = 3 (arithmetic)
VV_MONTHS = 3  # 10-12 weeks (L842-843) -> 3 (arithmetic)
VT_CAPACITY = 2 * 10  # groups 2 (assumption) x seats 10 (L1909)
VV_CAPACITY = 2 * 15  # groups 2 x seats 15 (assumptions; 30 a month = 360 a year, L1385-1386)
INTAKE_MONTHS = 1  # assumption

STOCK_2020 = 60  # Jan-Feb 2020 intakes (L1474)
STOCK_2019 = 419  # carried over from 2019 (L1473)
NOT_PICKED_UP = 60  # L1476-1478
OUTFLOW_PER_YEAR = 178  # 2019 outflow (L1473)
SPECIALISTS = ["SP1", "SP2", "SP3", "SP4", "SP5"]

# Cycle of 20 positions: (language, specialist).  13 ar, 3 ti, 4 other; 4 per specialist.
CYCLE = [
    ("ar", "SP1"), ("ar", "SP3"), ("ar", "SP4"), ("ti", "SP2"), ("ar", "SP5"),
    ("", "SP3"), ("ar", "SP1"), ("ar", "SP4"), ("ar", "SP5"), ("", "SP2"),
    ("ti", "SP2"), ("ar", "SP1"), ("ar", "SP3"), ("ar", "SP4"), ("", "SP5"),
    ("ar", "SP1"), ("ti", "SP2"), ("ar", "SP3"), ("ar", "SP4"), ("", "SP5"),
]


def month_at(offset):
    """Calendar month `YYYY-MM` of a grid offset from START."""
    index = START[0] * 12 + (START[1] - 1) + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def offset_of(year, month):
    return (year * 12 + month - 1) - (START[0] * 12 + START[1] - 1)


def skips_voortraject(k):
    return k % 10 == 4


def stock_intakes():
    """Intake offsets of the 479 clients on the caseload, oldest first."""
    intakes = []
    first_2018 = offset_of(2018, 1)
    for m in range(24):  # 2018-01 .. 2019-12
        count = 18 if m >= 24 - 11 else 17
        intakes += [first_2018 + m] * count
    intakes += [offset_of(2020, 1)] * 30 + [offset_of(2020, 2)] * 30
    assert len(intakes) == STOCK_2019 + STOCK_2020 == 479
    return intakes


def exit_offsets(n):
    """Exit offset of the j-th leaver at OUTFLOW_PER_YEAR a year from month 1 on."""
    exits = []
    m = 1
    for j in range(n):
        while (OUTFLOW_PER_YEAR * m) // 12 <= j:
            m += 1
        exits.append(m)
    return exits


def build_rows():
    rows = []
    intakes = stock_intakes()
    exits = exit_offsets(len(intakes))
    vt_used = {}
    vv_used = {}
    recent_from = offset_of(2019, 9)
    for k, intake in enumerate(intakes):
        language, specialist = CYCLE[k % 20]
        skip = skips_voortraject(k)
        done = []
        pins = {}
        open_steps = False  # a step left to the plan
        if intake < recent_from:
            done = ["voortraject", "vervolgtraject"]
        else:
            ready = intake + INTAKE_MONTHS
            if skip:
                done.append("voortraject")
            else:
                s = ready
                while vt_used.get(s, 0) >= VT_CAPACITY:
                    s += 1
                if s >= 0:
                    open_steps = True
                else:
                    vt_used[s] = vt_used.get(s, 0) + 1
                    if s + VT_MONTHS <= 0:
                        done.append("voortraject")
                    else:
                        pins["voortraject"] = s
                    ready = s + VT_MONTHS
            if not open_steps and ready < 0:
                s = ready
                while vv_used.get(s, 0) >= VV_CAPACITY:
                    s += 1
                if s < 0:
                    vv_used[s] = vv_used.get(s, 0) + 1
                    if s + VV_MONTHS <= 0:
                        done.append("vervolgtraject")
                    else:
                        pins["vervolgtraject"] = s
                    ready = s + VV_MONTHS
            if "vervolgtraject" not in done and "vervolgtraject" not in pins:
                open_steps = True
        exit_ = exits[k]
        # Nobody may leave before the steps still to do can be done (FIFO makes sure).
        if open_steps:
            assert exit_ >= 12, (k, exit_)
        for step, s in pins.items():
            assert exit_ >= s + 3, (k, step)
        rows.append({
            "id": f"E{k + 1:04d}",
            "available": month_at(intake),
            "route": "participatie",
            "profile": "",
            "languages": language,
            "done": ";".join(done),
            "specialist": specialist,
            "intake": month_at(intake),
            "exit": month_at(exit_),
            "voortraject.programme": VOORTRAJECT if "voortraject" in pins else "",
            "voortraject.start": month_at(pins["voortraject"]) if "voortraject" in pins else "",
            "vervolgtraject.programme": VERVOLGTRAJECT if "vervolgtraject" in pins else "",
            "vervolgtraject.start": month_at(pins["vervolgtraject"]) if "vervolgtraject" in pins else "",
        })
    for k in range(NOT_PICKED_UP):
        language, _ = CYCLE[k % 20]
        rows.append({
            "id": f"E{len(intakes) + k + 1:04d}",
            "available": month_at(0),
            "route": "participatie",
            "profile": "",
            "languages": language,
            "done": "voortraject" if skips_voortraject(k) else "",
            "specialist": "",
            "intake": "",
            "exit": "",
            "voortraject.programme": "",
            "voortraject.start": "",
            "vervolgtraject.programme": "",
            "vervolgtraject.start": "",
        })
    return rows


COLUMNS = [
    "id", "available", "route", "profile", "languages", "done", "specialist", "intake", "exit",
    "voortraject.programme", "voortraject.start", "vervolgtraject.programme", "vervolgtraject.start",
]


def main():
    rows = build_rows()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(os.path.dirname(here), "eindhoven-2020-clients.csv")
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    if "-q" not in sys.argv:
        print(f"wrote {len(rows)} clients to {os.path.relpath(target)}")


if __name__ == "__main__":
    main()
