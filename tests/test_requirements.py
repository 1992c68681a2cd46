"""`make run` and `make test` install requirements/dev.txt alone, so it must pin everything base.txt pins."""

import re
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements"


def pins(name: str) -> dict[str, str]:
    found = {}
    for line in (REQUIREMENTS / name).read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line)
        if match:
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


def test_the_development_pins_include_every_production_pin_at_the_same_version():
    base, dev = pins("base.txt"), pins("dev.txt")
    assert base, "requirements/base.txt pins nothing"
    assert {name: version for name, version in base.items() if dev.get(name) != version} == {}
