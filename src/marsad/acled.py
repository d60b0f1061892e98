"""ACLED's schema: the 31 columns in ACLED's order and the closed value sets (codebook 2023)."""

from __future__ import annotations

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# marsad's extensions, always present after the ACLED columns.
EXTENSION_COLUMNS: tuple[str, ...] = (
    "doc_ids",
    "injured",
    "fatalities_range",
    "location_ar",
    "actor1_ar",
    "actor2_ar",
    "evidence",
    "confidence",
)

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}

# ACLED's hierarchy when several kinds of violence happen together: the lower index wins.
EVENT_TYPE_SEVERITY: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Riots",
    "Protests",
    "Strategic developments",
)

DISORDER_TYPE: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# ACLED inter codes (actor types).
INTER_CODES: dict[int, str] = {
    0: "No actor",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction: the smaller inter code first (e.g. 1 and 2 -> 12; 7 alone -> 70)."""
    if inter2 == 0:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def validate_types(event_type: str, sub_event_type: str) -> None:
    if EVENT_TYPE_OF.get(sub_event_type) != event_type:
        raise ValueError(f"sub_event_type {sub_event_type!r} does not belong to event_type {event_type!r}")
