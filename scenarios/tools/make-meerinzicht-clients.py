#!/usr/bin/env python3
"""Write scenarios/meerinzicht-clients.csv, the known clients of meerinzicht.yaml.

Run from anywhere:  python3 scenarios/tools/make-meerinzicht-clients.py
The output is deterministic (no randomness); running the script again reproduces the CSV
byte for byte.  Check with:  git diff --exit-code scenarios/meerinzicht-clients.csv

Source: seed 001 ("De klantreis voor statushouders in Harderwijk, Ermelo en Zeewolde",
final report, July 2020, for Meerinzicht).  Line numbers are those of
seeds/001_d1ed4cf04142ea47.txt.  Every value is read from that report or marked as an
assumption.

WHO IS IN THE FILE (103 clients, M0001-M0103)
  The statushouders already diagnosed who are advised a full-time language track:
  331 diagnoses (L191, L531), of which "voltijdroutes" are the most frequent advice, 31%
  (L440-445): 0.31 x 331 = 102.6, so 103 (arithmetic).  None of them has started a track
  yet (assumption: they wait for the next start, L1144-1145, L1244-1248).
  Not in the file: the other ~228 diagnosed (other advice) and the ~204 without a diagnosis
  (L531-532).  They sit on the klantmanagers' caseloads, but at cap 100 per FTE the caseload
  does not bind (535 / 9 = 59 < 100, arithmetic), so they do not change the track plan.

COLUMNS
  intake      Pinned, before the scenario start 2020-09: the diagnosis already took place
              (history, MODEL.md "A feasible plan" 1).  Month = 2019-04 + (k mod 12) for the
              k-th client (k = 0 .. 102), i.e. spread evenly over 2019-04 .. 2020-03
              (assumption: the report gives no dates; its last export is of 16 March 2020,
              L1631).
  available   = intake month (assumption; irrelevant for history: waiting before month 0
              never counts, MODEL.md "Objective").  Most have lived in the region for years
              (L274-279, L617-620).
  specialist  Not pinned: the plan assigns a klantmanager from 2020-09.  Clients had two to
              four klantmanagers in the past year (turnover, L1220-1222), so keeping the
              historic one is no given.
  exit        Not pinned: follows from the track (MODEL.md "Exit").
  route, profile, done
              Route mix (assumption): b1 60, z 28, education 15.  Landstede (route b1) gets
              "de meeste kandidaten" (L1105-1106); the ECN track (education) suits only
              "een uitzonderlijke enkeling" (L1098-1099); the z-route serves the low-literate
              and those far from work (L981-985, L1001-1003).
              Profiles (meaning: L134-147; A1 werkfit regulier, A2 werkfit banenafspraak,
              B1/B2 op weg naar werk, C activering, D geen mogelijkheden op lange termijn):
              about 10% A, 63% B, 27% C+D in the whole population (L409-414; C+D by
              remainder, arithmetic).  Here: A 10, B 65, C+D 28 of 103 (arithmetic), split
                education  A1 3, A2 1, B1 7, B2 4
                b1         A1 4, A2 2, B1 28, B2 20, C 6
                z          B2 6, C 16, D 6
              (assumption), so that every client has at least one eligible programme in
              meerinzicht.yaml (programme profiles are assumptions stated there).
              Entry level (ECN "verschillende niveaus instromen", L995-997): of the 15
              education clients 4 start at A2 (`done: taal-a2`) and 2 at B1
              (`done: taal-a2;taal-b1`) (assumption).
  languages   Cycle of 25 clients: 17 Arabic, 3 Tigrinya, 5 other = 68% / 12% / 20%.
              68% come from Syria (L267-268); 21% "anders", with "veel mensen uit Eritrea en
              andere Afrikaanse landen" (L268-272), of whom we read 12 points as Tigrinya
              (assumption); the rest (Iran and "overig", L296, L303) is "other".
              Mapping nationality -> language: assumption.  Codes ISO 639-1 (ar, ti).
              "Other" has an empty list, which matches any klantmanager (MODEL.md).
"""

import csv
import io
import os
import sys

# (route, profile, done, count), in this order; ids follow it.
MIX = [
    ("education", "A1", [], 3),
    ("education", "A2", [], 1),
    ("education", "B1", [], 3),
    ("education", "B1", ["taal-a2"], 3),
    ("education", "B1", ["taal-a2", "taal-b1"], 1),
    ("education", "B2", [], 2),
    ("education", "B2", ["taal-a2"], 1),
    ("education", "B2", ["taal-a2", "taal-b1"], 1),
    ("b1", "A1", [], 4),
    ("b1", "A2", [], 2),
    ("b1", "B1", [], 28),
    ("b1", "B2", [], 20),
    ("b1", "C", [], 6),
    ("z", "B2", [], 6),
    ("z", "C", [], 16),
    ("z", "D", [], 6),
]

# 17 ar, 3 ti, 5 other in a fixed order of 25.
LANGUAGES = [
    "ar", "ar", "ar", "ti", "ar", "", "ar", "ar", "ar", "", "ar", "ar", "ti",
    "ar", "", "ar", "ar", "ar", "", "ar", "ti", "ar", "ar", "", "ar",
]
assert LANGUAGES.count("ar") == 17 and LANGUAGES.count("ti") == 3 and len(LANGUAGES) == 25

COLUMNS = ["id", "available", "route", "profile", "languages", "done", "specialist", "intake", "exit"]


def month(year, month_, plus):
    index = year * 12 + month_ - 1 + plus
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def build_rows():
    rows = []
    k = 0
    for route, profile, done, count in MIX:
        for _ in range(count):
            intake = month(2019, 4, k % 12)
            rows.append({
                "id": f"M{k + 1:04d}",
                "available": intake,
                "route": route,
                "profile": profile,
                "languages": LANGUAGES[k % 25],
                "done": ";".join(done),
                "specialist": "",
                "intake": intake,
                "exit": "",
            })
            k += 1
    assert len(rows) == 103
    return rows


def main():
    rows = build_rows()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(os.path.dirname(here), "meerinzicht-clients.csv")
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    if "-q" not in sys.argv:
        print(f"wrote {len(rows)} clients to {os.path.relpath(target)}")


if __name__ == "__main__":
    main()
