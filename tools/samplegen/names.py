"""Vietnamese personal names of the Northwest: Kinh, Thái, Mông and Khơ Mú (family + middle + given)."""
from __future__ import annotations

import random
from dataclasses import dataclass

# Each group: family names, middle names by sex, given names by sex. Thái and Khơ Mú families
# share names (Lò, Lường, Quàng, Cà, Vì); Mông men carry the middle name "A".
GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "kinh": {
        "family": ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Đinh", "Phan", "Trịnh", "Hà", "Đoàn"),
        "middle_m": ("Văn", "Đức", "Quang", "Minh", "Hồng", "Xuân", "Mạnh"),
        "middle_f": ("Thị", "Thị", "Thu", "Thanh", "Ngọc", "Thúy"),
        "given_m": ("Hùng", "Dũng", "Tuấn", "Thắng", "Quang", "Hải", "Long", "Sơn", "Cường", "Hiếu", "Khánh", "Thịnh", "Tùng", "Lực"),
        "given_f": ("Hương", "Lan", "Hoa", "Nga", "Hằng", "Thủy", "Huyền", "Trang", "Mai", "Thảo", "Yến", "Nhung", "Liên", "Hạnh"),
    },
    "thai": {
        "family": ("Lò", "Lường", "Quàng", "Cà", "Tòng", "Lù", "Điêu", "Lừ", "Cầm"),
        "middle_m": ("Văn",),
        "middle_f": ("Thị",),
        "given_m": ("Pọm", "Xôm", "Ún", "Khiêm", "Chăn", "Panh", "Thoan", "Ngân", "Inh", "Tiến", "Hặc", "Phăn", "Lả", "Ươi"),
        "given_f": ("Ỉnh", "Ánh", "Xuân", "Hom", "Pâng", "Ín", "Phương", "Thoa", "Ên", "Lả", "Xiêng", "Bun"),
    },
    "mong": {
        "family": ("Giàng", "Mùa", "Vàng", "Sùng", "Lầu", "Thào", "Hạng", "Lý", "Chang"),
        "middle_m": ("A",),
        "middle_f": ("Thị",),
        "given_m": ("Chứ", "Lử", "Dình", "Pó", "Sáng", "Tủa", "Dế", "Chá", "Vừ", "Páo", "Sử", "Nhìa"),
        "given_f": ("Dợ", "Mỷ", "Chở", "Pà", "Say", "Dở", "Mai", "Lu", "Sua"),
    },
    "kho_mu": {
        "family": ("Vì", "Quàng", "Lò", "Lường"),
        "middle_m": ("Văn",),
        "middle_f": ("Thị",),
        "given_m": ("Kim", "Phắn", "Chiến", "Lâm", "Thanh", "Tính", "Dương"),
        "given_f": ("Kim", "Lai", "Thắm", "Dung", "Tươi"),
    },
}
GROUP_WEIGHTS = (("kinh", 45), ("thai", 35), ("mong", 14), ("kho_mu", 6))


@dataclass(frozen=True)
class PersonName:
    family: str
    middle: str
    given: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.family} {self.middle} {self.given}"


def person(rng: random.Random, female: bool | None = None, group: str | None = None) -> PersonName:
    if female is None:
        female = rng.random() < 0.5
    if group is None:
        group = rng.choices([g for g, _ in GROUP_WEIGHTS], [w for _, w in GROUP_WEIGHTS])[0]
    names = GROUPS[group]
    sex = "f" if female else "m"
    return PersonName(rng.choice(names["family"]), rng.choice(names[f"middle_{sex}"]), rng.choice(names[f"given_{sex}"]), female)


def distinct_people(rng: random.Random, count: int, taken: set[str], **kw: object) -> list[PersonName]:
    """`count` people whose full names are not in `taken` (which is updated)."""
    out: list[PersonName] = []
    while len(out) < count:
        candidate = person(rng, **kw)  # type: ignore[arg-type]
        if candidate.full not in taken:
            taken.add(candidate.full)
            out.append(candidate)
    return out
