"""Generated agency names (发布机关) that read like real ones: 青禾市东湖区卫生健康委员会, 澜川市人民政府.

The place names are made up for test data (any likeness to a real place is accidental); every synthetic report is
marked as synthetic anyway. English names are pinyin plus a translated department, for English questions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

CITIES = ("青禾", "澜川", "岚江", "景澄", "禾丰", "临渊", "沐阳", "云朔", "泽川", "鹭洲", "栖梧", "银杉")
DISTRICTS = ("东湖", "西岭", "南浦", "北塘", "临江", "城关", "新桥", "湖滨", "金沙", "望江", "白石", "清源")
COUNTIES = ("安平", "永和", "长宁", "平川", "石门", "兰溪", "松岗", "桃源")

# department → (English name, the short form people use)
DEPARTMENTS: dict[str, tuple[str, str]] = {
    "人民政府": ("People's Government", "政府"),
    "人民政府办公室": ("General Office of the People's Government", "政府办"),
    "卫生健康委员会": ("Health Commission", "卫健委"),
    "人力资源和社会保障局": ("Human Resources and Social Security Bureau", "人社局"),
    "市场监督管理局": ("Market Supervision Administration", "市场监管局"),
    "自然资源和规划局": ("Natural Resources and Planning Bureau", "自然资源局"),
    "住房和城乡建设局": ("Housing and Urban-Rural Development Bureau", "住建局"),
    "生态环境局": ("Ecology and Environment Bureau", "生态环境局"),
    "教育局": ("Education Bureau", "教育局"),
    "民政局": ("Civil Affairs Bureau", "民政局"),
    "交通运输局": ("Transport Bureau", "交通局"),
    "医疗保障局": ("Healthcare Security Bureau", "医保局"),
}
LEVEL_EN = {"市": "City", "区": "District", "县": "County"}


@dataclass(frozen=True)
class AgencyName:
    """An agency's full name and the names people use for it."""

    city: str  # 青禾
    locality: str  # "" (the city itself), 东湖区, 安平县
    department: str  # a key of DEPARTMENTS

    @property
    def place(self) -> str:
        """The place the agency belongs to, as written in the full name: 青禾市 or 青禾市东湖区."""
        return f"{self.city}市{self.locality}" if self.city else self.locality

    @property
    def full(self) -> str:
        return f"{self.place}{self.department}"

    @property
    def short_place(self) -> str:
        """The lowest level of the place: 东湖区 or 青禾市."""
        return self.locality or f"{self.city}市"

    @property
    def short(self) -> str:
        """How a citizen names it: 东湖区卫健委, 青禾市政府."""
        return f"{self.short_place}{DEPARTMENTS[self.department][1]}"

    @property
    def english(self) -> str:
        """Qinghe City Health Commission, Donghu District (Qinghe) People's Government."""
        department = DEPARTMENTS[self.department][0]
        if self.locality:
            level = LEVEL_EN[self.locality[-1]]
            return f"{_pinyin_title(self.locality[:-1])} {level} {department}"
        return f"{_pinyin_title(self.city)} City {department}"

    @property
    def is_government(self) -> bool:
        return self.department.startswith("人民政府")


def _pinyin_title(name: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name)).capitalize()


def random_agency(rng: random.Random) -> AgencyName:
    """A plausible agency: a city, district or county government or one of its departments."""
    city = rng.choice(CITIES)
    level = rng.choices(("", "区", "县"), weights=(3, 5, 2))[0]
    locality = "" if not level else (rng.choice(DISTRICTS) + "区" if level == "区" else rng.choice(COUNTIES) + "县")
    department = rng.choices(list(DEPARTMENTS), weights=[4, 1] + [2] * (len(DEPARTMENTS) - 2))[0]
    return AgencyName(city=city, locality=locality, department=department)


def parse_agency(full: str) -> AgencyName | None:
    """The parts of an agency name that ends with one of ``DEPARTMENTS`` (青禾市东湖区卫生健康委员会, or a caller's own
    某某县人民政府); None for any other name."""
    for department in sorted(DEPARTMENTS, key=len, reverse=True):
        place = full[: -len(department)] if full.endswith(department) else ""
        if len(place) < 2:
            continue
        city, sep, locality = place.partition("市")
        if sep and city:
            return AgencyName(city=city, locality=locality, department=department)
        return AgencyName(city="", locality=place, department=department)
    return None
