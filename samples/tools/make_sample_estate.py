#!/usr/bin/env python3
"""Writes samples/estate.csv and samples/epcl.csv: the sample estate bundled with the tool.

Deterministic (fixed seed). About 240 installations across every cohort and the eras of every shipped
TMAD version (v9, v11, v17, v29), the gap between v17 and v29, and after the final expiry, with a
realistic background mix plus rows that exercise every rule and every reachable verdict.
Run from the repository root: python3 samples/tools/make_sample_estate.py
"""
import csv
import datetime as dt
import random

random.seed(20211104)
UTC = dt.timezone.utc
COHORTS = ["IOC", "MOC_MDS", "MOC_SECURE", "FOC_NP", "FOC_BG"]
COLUMNS = ["installation_id", "assessed_at", "cohort", "meter_status", "dormancy_cause", "has_esme", "has_gsme", "dmc_id",
           "chf_last_contact", "gsme_last_contact", "planned_cos_date", "planned_cot_date", "profile_data_switch", "igt",
           "igt_certificate_valid", "master_keys_present", "wan_before_migration", "wan_at_migration",
           "failed_migration_attempts", "gt01_han_error", "supplier_statement_not_migratable", "directed_exclusion"]

# EPCL: DMCs per cohort family, most listed before the era, some during it, two judged uneconomic to test.
epcl = []
for family, first in [("IOC", dt.date(2019, 7, 1)), ("MOC", dt.date(2020, 3, 1)), ("FOC", dt.date(2021, 3, 15))]:
    for n in range(1, 9):
        added = first + dt.timedelta(days=random.randint(0, 200))
        epcl.append({"dmc_id": f"DMC-{family}-{n:04d}", "added_on": added.isoformat(), "uneconomic_to_test": "false"})
epcl.append({"dmc_id": "DMC-MOC-0901", "added_on": "2021-09-01", "uneconomic_to_test": "true"})
epcl.append({"dmc_id": "DMC-FOC-0902", "added_on": "2024-02-12", "uneconomic_to_test": "true"})
epcl.append({"dmc_id": "DMC-FOC-0903", "added_on": "2025-03-03", "uneconomic_to_test": "false"})


def dmc_for(cohort):
    family = "FOC" if cohort.startswith("FOC") else ("IOC" if cohort == "IOC" else "MOC")
    return f"DMC-{family}-{random.randint(1, 8):04d}"


def iso(instant):
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def era_instant(start, end):
    span = int((end - start).total_seconds())
    return start + dt.timedelta(seconds=random.randint(0, span))


ERAS = [
    ("v9", dt.datetime(2020, 12, 18, 8, tzinfo=UTC), dt.datetime(2021, 2, 27, 18, tzinfo=UTC), 40),
    ("v11", dt.datetime(2021, 3, 1, 8, tzinfo=UTC), dt.datetime(2021, 11, 3, 18, tzinfo=UTC), 70),
    ("v17", dt.datetime(2021, 11, 4, 8, tzinfo=UTC), dt.datetime(2021, 12, 31, 18, tzinfo=UTC), 50),
    ("gap", dt.datetime(2022, 3, 1, 8, tzinfo=UTC), dt.datetime(2025, 6, 30, 18, tzinfo=UTC), 8),
    ("v29", dt.datetime(2025, 10, 17, 8, tzinfo=UTC), dt.datetime(2025, 12, 31, 18, tzinfo=UTC), 30),
    ("expired", dt.datetime(2026, 1, 1, 8, tzinfo=UTC), dt.datetime(2026, 3, 31, 18, tzinfo=UTC), 6),
]

rows = []


def row(at, cohort, **overrides):
    has_gsme = random.random() < 0.75
    dormant = random.random() < 0.12
    r = {
        "installation_id": f"SUP-{len(rows) + 1:05d}",
        "assessed_at": iso(at),
        "cohort": cohort,
        "meter_status": "DORMANT" if dormant else "ACTIVE",
        "dormancy_cause": random.choice(["CHANGE_OF_SUPPLIER", "SMSO_CONTRACT_TERMINATED"]) if dormant else "",
        "has_esme": "true",
        "has_gsme": "true" if has_gsme else "false",
        "dmc_id": dmc_for(cohort),
        "chf_last_contact": iso(at - dt.timedelta(minutes=random.randint(5, 18 * 60))),
        "gsme_last_contact": iso(at - dt.timedelta(minutes=random.randint(5, 18 * 60))) if has_gsme else "",
        "planned_cos_date": "",
        "planned_cot_date": "",
        "profile_data_switch": "OFF" if random.random() < 0.9 else "ON",
        "igt": "false",
        "igt_certificate_valid": "",
        "master_keys_present": "true",
        "wan_before_migration": "true",
        "wan_at_migration": "true",
        "failed_migration_attempts": "0",
        "gt01_han_error": "false",
        "supplier_statement_not_migratable": "false",
        "directed_exclusion": "false",
    }
    r.update(overrides)
    rows.append(r)


# Background: a realistic mix per era.
for era, start, end, count in ERAS:
    for _ in range(count):
        at = era_instant(start, end)
        cohort = random.choice(COHORTS)
        roll = random.random()
        if roll < 0.08:
            row(at, cohort, chf_last_contact=iso(at - dt.timedelta(hours=random.randint(30, 90))))
        elif roll < 0.12:
            row(at, cohort, planned_cos_date=(at.date() + dt.timedelta(days=random.randint(1, 12))).isoformat())
        else:
            row(at, cohort)

# Scenarios: every rule and every reachable verdict at least once, with realistic values.
v9 = dt.datetime(2021, 2, 20, 10, tzinfo=UTC)
v11 = dt.datetime(2021, 10, 10, 10, tzinfo=UTC)
v17 = dt.datetime(2021, 11, 10, 10, tzinfo=UTC)
v29 = dt.datetime(2025, 11, 3, 10, tzinfo=UTC)
row(v9, "IOC", planned_cos_date="2021-02-25")                                   # v9: 5 days ahead passes the 2-day look-ahead
row(dt.datetime(2021, 3, 1, 10, tzinfo=UTC), "IOC", planned_cos_date="2021-03-06")  # v11: deferred by the 9-day look-ahead
row(v11, "FOC_NP", dmc_id="DMC-FOC-0001", chf_last_contact=iso(v11 - dt.timedelta(hours=48)), has_gsme="true",
    gsme_last_contact=iso(v11 - dt.timedelta(hours=48)))                         # v11: 24 h window, deferred twice
row(v17, "FOC_NP", dmc_id="DMC-FOC-0001", chf_last_contact=iso(v17 - dt.timedelta(hours=48)), has_gsme="true",
    gsme_last_contact=iso(v17 - dt.timedelta(hours=48)))                         # v17: 72 h window, eligible
row(v17, "MOC_MDS", chf_last_contact=iso(v17 - dt.timedelta(hours=72)))         # exactly 72 h: passes
row(v17, "MOC_MDS", chf_last_contact=iso(v17 - dt.timedelta(hours=72, seconds=1)))  # 72 h 1 s: deferred
row(v17, "MOC_SECURE", chf_last_contact="")                                      # no contact recorded
row(dt.datetime(2021, 11, 3, 12, tzinfo=UTC), "IOC", has_gsme="true", igt="true", igt_certificate_valid="false")  # v11 iGT
row(dt.datetime(2021, 11, 4, 12, tzinfo=UTC), "IOC", has_gsme="true", igt="true", igt_certificate_valid="false")  # v17: not checked
row(v9, "MOC_SECURE", has_gsme="true", igt="true", igt_certificate_valid="true")  # v9: valid certificate
row(dt.datetime(2021, 6, 1, 10, tzinfo=UTC), "FOC_BG", dmc_id="DMC-FOC-0002", meter_status="DORMANT",
    dormancy_cause="CHANGE_OF_SUPPLIER", profile_data_switch="ON")               # dormant FOC, switch on
row(dt.datetime(2021, 6, 1, 10, tzinfo=UTC), "MOC_SECURE", meter_status="DORMANT",
    dormancy_cause="CHANGE_OF_SUPPLIER", profile_data_switch="ON")               # same outside FOC: passes
row(dt.datetime(2021, 6, 1, 10, tzinfo=UTC), "FOC_NP", dmc_id="DMC-FOC-0003", meter_status="DORMANT",
    dormancy_cause="SMSO_CONTRACT_TERMINATED", profile_data_switch="")           # switch unknown: not Off
row(v11, "MOC_MDS", dmc_id="DMC-MOC-0099")                                       # DMC not on the EPCL
row(dt.datetime(2021, 5, 1, 10, tzinfo=UTC), "MOC_SECURE", dmc_id="DMC-MOC-0901")  # DMC added after assessment
row(v17, "IOC", dmc_id="DMC-IOC-0001")                                           # EPCL window passed: warning
row(v17, "MOC_SECURE", directed_exclusion="true")                               # Clause 1.6/1.8
row(v17, "FOC_BG", dmc_id="DMC-FOC-0004", planned_cot_date="2021-11-15")        # change of tenancy
row(v17, "", dmc_id="DMC-MOC-0002")                                              # cohort blank
row(v17, "MOC_MDS", dmc_id="", meter_status="")                                  # DMC and status blank
row(v11, "IOC", has_esme="", has_gsme="")                                        # meters unknown
row(dt.datetime(2022, 6, 1, 10, tzinfo=UTC), "MOC_SECURE")                       # between v17 and v29
row(dt.datetime(2020, 11, 2, 10, tzinfo=UTC), "IOC")                             # before v9
row(v29, "MOC_SECURE", dmc_id="DMC-FOC-0903")                                    # cohort closed 2025-09-30
row(v29, "FOC_NP", dmc_id="DMC-FOC-0903", master_keys_present="false")
row(v29, "FOC_BG", dmc_id="DMC-FOC-0903", wan_before_migration="false")
row(v29, "IOC", wan_at_migration="false")
row(v29, "MOC_SECURE", failed_migration_attempts="5")
row(v29, "MOC_SECURE", failed_migration_attempts="4")
row(v29, "FOC_NP", dmc_id="DMC-FOC-0902")                                        # uneconomic to test
row(v29, "MOC_MDS", meter_status="DORMANT", dormancy_cause="SMSO_CONTRACT_TERMINATED", supplier_statement_not_migratable="true")
row(v29, "MOC_MDS", meter_status="DORMANT", dormancy_cause="CHANGE_OF_SUPPLIER", supplier_statement_not_migratable="true")
row(v29, "MOC_SECURE", dmc_id="DMC-FOC-0903", has_esme="true", has_gsme="true", gt01_han_error="true", gsme_last_contact="")
row(v29, "MOC_SECURE", dmc_id="DMC-FOC-0903", has_esme="false", has_gsme="true", gt01_han_error="true")
row(dt.datetime(2026, 1, 1, 10, tzinfo=UTC), "MOC_SECURE", dmc_id="DMC-FOC-0903")  # after the final expiry
# In the gap no shipped version applies; replayed with --tmad v29 these give EligibleElectricityOnly and Excluded.
gap = dt.datetime(2023, 6, 1, 10, tzinfo=UTC)
row(gap, "MOC_SECURE", dmc_id="DMC-MOC-0003", has_esme="true", has_gsme="true", gt01_han_error="true", gsme_last_contact="")
row(gap, "MOC_SECURE", dmc_id="DMC-MOC-0003", has_esme="false", has_gsme="true", gt01_han_error="true")

with open("samples/estate.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
with open("samples/epcl.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=["dmc_id", "added_on", "uneconomic_to_test"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(epcl)
print(f"wrote {len(rows)} installations and {len(epcl)} EPCL entries")
