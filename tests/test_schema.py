"""Committed schemas and data files: in step with the code, valid, and sourced."""

from __future__ import annotations

import re

import jsonschema

from filinglint.linter.registry import all_rules
from filinglint.schema import SCHEMA_DIR, load_json
from filinglint.schema.generate import generated, render


def test_committed_schemas_match_the_models():
    for name, schema in generated().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == render(schema), (
            f"{name} is stale: run `python -m filinglint.schema.generate` and commit the result"
        )


def test_committed_schemas_are_valid_json_schemas():
    for name in ("ast.schema.json", "diagnostics.schema.json", "form-spec.schema.json"):
        jsonschema.Draft202012Validator.check_schema(load_json(name))


def test_form_specs_are_valid_and_consistent():
    from filinglint.linter.query.form import SPEC_FILES

    assert sorted(SPEC_FILES) == sorted(
        f"forms/{p.name}" for p in (SCHEMA_DIR / "forms").glob("*.json")
    ), "every spec in schema/forms is read, and only those"
    types: list[str] = []
    group_ids: list[str] = []
    for name in SPEC_FILES:
        spec = load_json(name)
        jsonschema.validate(spec, load_json("form-spec.schema.json"))
        roles = [box["role"] for box in spec["boxes"]]
        assert len(roles) == len(set(roles)), name
        for box in spec["boxes"]:
            re.compile(box["label"])
        for entry in spec["forms"]:
            assert not entry["type"].endswith("/A"), "an amendment reads its base type's entry"
            assert set(entry.get("checked", [])) <= set(roles), entry["type"]
            types.append(entry["type"])
        for line in spec.get("required_boxes", []):
            assert line["role"] in roles, (name, line["role"])
        for group in spec["groups"]:
            assert set(group["roles"]) <= set(roles)
            assert set(group.get("exactly_one_of", [])) <= set(group["roles"])
            assert set(group.get("alone", [])) <= set(group["roles"])
            group_ids.append(group["id"])
    assert len(types) == len(set(types)), "each EDGAR form type belongs to one spec"
    assert len(group_ids) == len(set(group_ids)), "box groups are found by id across specs"


def test_box_labels_of_different_forms_do_not_collide():
    """A box gets its role from the first matching spec; the specs' labels must not claim
    each other's boxes, or a cover whose title was not read would be misread."""
    from filinglint.linter.query.form import form_specs

    specs = form_specs()
    for spec in specs:
        for line in spec.get("required_boxes", []):
            for other in specs:
                if other is spec:
                    continue
                for box in other["boxes"]:
                    if re.search(box["label"], line["text"], re.IGNORECASE):
                        assert box["role"] == line["role"], (spec["form"], line["text"], box)


def test_rules_have_unique_codes_names_and_full_docs():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"[A-Z]{2,4}\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.severity in ("error", "warning", "info")
        assert rule.summary and not rule.summary.endswith(".")
        for section in ("## What it does", "## Why it matters", "## Example", "## How to fix"):
            assert section in rule.docs, f"{rule.code} docs lack {section}"


def test_the_holiday_table_is_the_holidays_packages_calendar():
    """schema/us-federal-holidays.json spares every check the package's import (~80 ms);
    the dates must be the package's (names may be reworded by a new release)."""
    from filinglint.linter.query.business_days import package_holidays
    from filinglint.schema.generate import HOLIDAY_YEARS

    table = load_json("us-federal-holidays.json")["years"]
    assert sorted(table) == [str(year) for year in HOLIDAY_YEARS]
    for year in HOLIDAY_YEARS:
        assert [day for day, _ in table[str(year)]] == sorted(
            day.isoformat() for day in package_holidays(year)
        ), f"{year}: run `python -m filinglint.schema.generate`"


def test_schemas_take_one_form_whatever_the_pydantic_release():
    """What pydantic 2.6-2.14 write differently is given one form (see generate.stable)."""
    from filinglint.schema.generate import _DECIMAL_PATTERN, stable

    older = {
        "$defs": {
            "Fix": {
                "properties": {
                    "kind": {"const": "fix", "enum": ["fix"], "title": "Kind"},
                    "value": {
                        "anyOf": [
                            {"type": "number"},
                            {"type": "string", "pattern": _DECIMAL_PATTERN},
                            {"type": "string"},
                            {"type": "null"},
                        ]
                    },
                },
            }
        }
    }
    fix = stable(older)["$defs"]["Fix"]
    assert fix["description"].startswith("Edits that would make the finding go away")
    assert fix["properties"]["kind"] == {"const": "fix", "title": "Kind", "type": "string"}
    assert fix["properties"]["value"]["anyOf"] == [
        {"type": "number"},
        {"type": "string"},
        {"type": "null"},
    ]
    newer = {"$defs": {"Fix": {"description": "kept", "properties": {}}}}
    assert stable(newer)["$defs"]["Fix"]["description"] == "kept"
