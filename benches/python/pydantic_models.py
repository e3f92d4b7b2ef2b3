"""A pydantic v2 model of the documents, written for the benchmark only: a structural
equivalent of docs/schema/{scheme,plan,period_report}.schema.json.

What it checks, as the schemas do: closed objects (``extra="forbid"``), required fields,
strict integers for money and counts (no bool, no float, no numeric string) with the same
bounds (0 … 2^53 − 1), enums for every code list, the ``kind`` tag (a discriminated
union), ``schema_version`` 1 or 2, string lengths, array lengths, the share pattern and dates
(``datetime.date`` in strict mode: ``YYYY-MM-DD`` only).

The models are those of format version 1, which accept the version number 2: the fields
format version 2 added (years, industries, product groups, parts, outcomes and execution
figures of result lines, programmes…) are not modelled and would be refused. The generated
corpus uses none of them, so every reader does the same work on it.

Optional fields that the schemas do not allow to be ``null`` have a ``None`` default but
refuse an explicit ``null`` (defaults are not validated), as the schemas do.

What it does not check that the schemas do: nothing structural that we know of, except that
pydantic's strict ``date`` and the schema's ``format: date`` may differ on exotic inputs.
Stricter than the schemas: ``1400000000.0`` is refused as money (JSON Schema's ``integer``
accepts a number with a zero fraction; khuyencong refuses it too). Like every reader here,
it lets a duplicate key pass (the last one wins).
Like the schemas, it checks none of the law: eligibility, support limits, reconciliation of
totals and sources, dates against the regimes.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

MAX_SAFE = 9_007_199_254_740_991


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Vnd = Annotated[int, Field(strict=True, ge=0, le=MAX_SAFE)]
U32 = Annotated[int, Field(strict=True, ge=0, le=4_294_967_295)]
I32 = Annotated[int, Field(strict=True, ge=-2_147_483_648, le=2_147_483_647)]
Share = Annotated[str, StringConstraints(pattern=r"^(0(\.[0-9]{1,28})?|1(\.0{1,28})?)$")]


Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Province = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Text200 = Annotated[str, StringConstraints(max_length=200)]
Text300 = Annotated[str, StringConstraints(max_length=300)]
Name300 = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Number100 = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
OptionalTitle = Annotated[str, StringConstraints(max_length=1000)] | None
Note2000 = Annotated[str, StringConstraints(max_length=2000)]


class Activity(str, Enum):
    vocational_training = "vocational_training"
    capacity_startup_market = "capacity_startup_market"
    management_cleaner_production_capacity = "management_cleaner_production_capacity"
    enterprise_setup = "enterprise_setup"
    market_export_expansion = "market_export_expansion"
    technology = "technology"
    demonstration_model = "demonstration_model"
    advanced_machinery_technology_transfer = "advanced_machinery_technology_transfer"
    cleaner_production_pilot = "cleaner_production_pilot"
    product_trade_promotion = "product_trade_promotion"
    typical_product_contest = "typical_product_contest"
    fairs_exhibitions = "fairs_exhibitions"
    brand_showroom_trade_promotion = "brand_showroom_trade_promotion"
    advisory = "advisory"
    information = "information"
    linkage_clusters_relocation = "linkage_clusters_relocation"
    associations_business_linkage = "associations_business_linkage"
    industrial_cluster_development = "industrial_cluster_development"
    relocation_pollution_treatment = "relocation_pollution_treatment"
    international_cooperation = "international_cooperation"
    international_programmes = "international_programmes"
    international_experience_exchange = "international_experience_exchange"
    international_staff_capacity = "international_staff_capacity"
    system_capacity = "system_capacity"
    staff_training_materials = "staff_training_materials"
    study_tours_workshops_databases = "study_tours_workshops_databases"
    extension_centres_collaborators = "extension_centres_collaborators"
    programme_plan_making = "programme_plan_making"
    inspection_supervision = "inspection_supervision"
    sustainable_production_consumption = "sustainable_production_consumption"
    digital_transformation = "digital_transformation"
    artisan_craft_support = "artisan_craft_support"
    cluster_environmental_treatment = "cluster_environmental_treatment"
    trademark_registration = "trademark_registration"
    showroom_investment = "showroom_investment"
    handicraft_contests = "handicraft_contests"
    cluster_investment_promotion = "cluster_investment_promotion"
    wastewater_emission_treatment = "wastewater_emission_treatment"


def _enum(name: str, values: str) -> type[Enum]:
    return Enum(name, {v: v for v in values.split()}, type=str)  # type: ignore[return-value]


AdminUnit = _enum(
    "AdminUnit",
    "province centrally_run_city rural_district town provincial_city "
    "city_under_centrally_run_city urban_district commune ward township special_zone",
)
ArtisanTitle = _enum("ArtisanTitle", "peoples_artisan meritorious_artisan")
Exactness = _enum("Exactness", "exact lower_bound approximate")
FundLevel = _enum("FundLevel", "national provincial district commune")
FundingSource = _enum(
    "FundingSource",
    "national_extension_fund local_budget_provincial local_budget_district "
    "local_budget_commune national_target_programme counterpart sponsorship other_lawful",
)
Industry = _enum(
    "Industry",
    "agro_forestry_fishery_food_processing consumer_export_import_substitution_goods "
    "agricultural_chemicals building_materials mechanical_electrical_electronic "
    "components_supporting_industry handicraft mining_mineral_processing "
    "cleaner_production_pollution_treatment textile_garment leather_footwear "
    "high_tech_industry clean_industry energy_saving environmental_industry green_energy "
    "building_materials_resource_saving biotechnology green_industry low_carbon_industry "
    "mechanical_industry information_technology_digital_transformation",
)
KilnTechnology = _enum(
    "KilnTechnology",
    "improved_manual_fired_clay ring_kiln_fired_clay tunnel_kiln vertical_shaft_kiln unfired other",
)
LegalForm = _enum(
    "LegalForm",
    "enterprise sme cooperative cooperative_group union_of_cooperatives business_household "
    "large_enterprise individual public_service_unit other_organisation",
)
PriorityArea = _enum(
    "PriorityArea",
    "highland island land_border ethnic_minority_area poor_district new_rural_commune "
    "difficult_area especially_difficult_area",
)
SmeSector = _enum("SmeSector", "agriculture_forestry_fishery industry_construction trade_services")
SupportVariant = _enum(
    "SupportVariant",
    "new_technology_or_product efficient_establishment organise_domestic attend_domestic "
    "abroad organise_regional organise_national prize_regional prize_national brand "
    "association_regional association_national linkage_cluster relocation_interest "
    "pollution_treatment_establishment pollution_treatment_cluster detailed_planning "
    "infrastructure",
)
TypicalProductLevel = _enum("TypicalProductLevel", "district provincial regional national")
UrbanClass = _enum("UrbanClass", "special class_1 class_2 class_3 class_4 class_5")
InstrumentId = _enum(
    "InstrumentId",
    "nd_134_2004 nd_45_2012 nd_235_2025 tt_46_2012_bct tt_20_2017_bct tt_36_2013_bct "
    "tt_26_2014_bct tt_14_2018_bct ttlt_125_2009_btc_bct ttlt_26_2014_btc_bct tt_28_2018_btc "
    "tt_64_2024_btc luat_04_2017_qh14 nd_56_2009 nd_39_2018 nd_80_2021 qd_1288_2014_ttg "
    "qd_1881_2020_ttg qd_2646_2025_bct nd_146_2025 nq_175_2024_qh15 nq_202_2025_qh15",
)


# Enums are read from JSON strings; strict mode accepts the value strings in JSON input.


class CountObject(_Closed):
    value: Vnd
    exactness: Exactness | None = None  # type: ignore[valid-type]
    text: Text200 | None = None


Count = Union[Vnd, CountObject]


class Counts(_Closed):
    articles: Count | None = None
    brands: Count | None = None
    broadcasts: Count | None = None
    collaborators: Count | None = None
    courses: Count | None = None
    establishments: Count | None = None
    fairs: Count | None = None
    models: Count | None = None
    participations: Count | None = None
    products: Count | None = None
    products_certified: Count | None = None
    rounds: Count | None = None
    schemes: Count | None = None
    trainees: Count | None = None
    trips: Count | None = None
    visits: Count | None = None
    websites: Count | None = None


class DecisionRef(_Closed):
    number: Number100
    date: datetime.date
    issuer: Text300 | None = None


class Location(_Closed):
    city_urban_class: UrbanClass | None = None  # type: ignore[valid-type]
    craft_village_recognised: bool | None = None
    district_kind: AdminUnit | None = None  # type: ignore[valid-type]
    district_name: str | None = None
    former_parent_kind: AdminUnit | None = None  # type: ignore[valid-type]
    former_parent_urban_class: UrbanClass | None = None  # type: ignore[valid-type]
    province_kind: AdminUnit | None = None  # type: ignore[valid-type]
    province_name: str | None = None
    unit_kind: AdminUnit | None = None  # type: ignore[valid-type]
    unit_name: str | None = None
    ward_converted_from_commune: bool | None = None
    ward_converted_on: datetime.date | None = None


class PriorityFacts(_Closed):
    areas: list[PriorityArea] | None = None  # type: ignore[valid-type]
    ethnic_minority_employment: bool | None = None
    export_contract: bool | None = None
    insured_workers: U32 | None = None
    local_raw_material_share: Share | None = None
    supporting_industry_product: bool | None = None
    typical_product_certificate: TypicalProductLevel | None = None  # type: ignore[valid-type]
    women_owned: bool | None = None


class SmeFacts(_Closed):
    average_insured_employees: U32 | None = None
    figures_year: I32 | None = None
    previous_year_revenue: Vnd | None = None
    sector: SmeSector | None = None  # type: ignore[valid-type]
    total_capital: Vnd | None = None


class ApplicantFacts(_Closed):
    artisan_title: ArtisanTitle | None = None  # type: ignore[valid-type]
    cleaner_production: bool | None = None
    head_office: Location | None = None
    industrial_cluster_investor: bool | None = None
    industry: Industry | None = None  # type: ignore[valid-type]
    kiln_technology: KilnTechnology | None = None  # type: ignore[valid-type]
    legal_form: LegalForm | None = None  # type: ignore[valid-type]
    name: str | None = None
    other_state_funding_same_items: bool | None = None
    priority: PriorityFacts = None  # type: ignore[assignment]
    production_site: Location | None = None
    sme: SmeFacts = None  # type: ignore[assignment]
    sustainable_production: bool | None = None


class Declarations(_Closed):
    counterpart_committed: bool | None = None


class FundingLine(_Closed):
    source: FundingSource  # type: ignore[valid-type]
    amount: Vnd
    note: str | None = None


class SchemeFunding(_Closed):
    total_cost: Vnd
    eligible_cost: Vnd
    fund_level: FundLevel  # type: ignore[valid-type]
    lines: list[FundingLine]
    no_other_state_funding: bool | None = None


class SupportTerms(_Closed):
    priority: bool = False
    technology_line: bool = False
    variant: SupportVariant | None = None  # type: ignore[valid-type]


class Scheme(_Closed):
    kind: Literal["scheme"]
    schema_version: Literal[1, 2]
    id: Id
    title: Title
    approval: DecisionRef
    activities: Annotated[list[Activity], Field(min_length=1, max_length=20)]
    funding: SchemeFunding
    beneficiaries: Annotated[list[ApplicantFacts], Field(max_length=1000)] = []
    declarations: Declarations = None  # type: ignore[assignment]
    planned_outputs: Counts = None  # type: ignore[assignment]
    province: Province | None = None
    support_terms: SupportTerms = None  # type: ignore[assignment]


class AmountObject(_Closed):
    vnd: Vnd
    exactness: Exactness | None = None  # type: ignore[valid-type]
    text: Text200 | None = None


Amount = Union[Vnd, AmountObject]


class FundingPart(_Closed):
    source: FundingSource  # type: ignore[valid-type]
    amount: Amount
    label: Text300 | None = None
    parts: Annotated[list[FundingPart], Field(max_length=1000)] = []


class FundingBreakdown(_Closed):
    lines: Annotated[list[FundingPart], Field(max_length=1000)] = []
    total: Amount | None = None


class PlanScheme(_Closed):
    scheme_id: Id
    activity: Activity
    support: Amount
    total_cost: Amount | None = None
    title: OptionalTitle = None


class Plan(_Closed):
    kind: Literal["plan"]
    schema_version: Literal[1, 2]
    id: Id
    year: Annotated[int, Field(strict=True, ge=2000, le=2100)]
    fund_level: FundLevel  # type: ignore[valid-type]
    approval: DecisionRef | None = None
    budget: FundingBreakdown | None = None
    province: Province | None = None
    schemes: Annotated[list[PlanScheme], Field(max_length=100_000)] = []
    title: OptionalTitle = None


class Period(_Closed):
    from_: datetime.date = Field(alias="from")
    to: datetime.date


class ReportingUnit(_Closed):
    name: Name300
    province: Province


class ResultLine(_Closed):
    activity: Activity
    counts: Counts = None  # type: ignore[assignment]
    fund: FundLevel | None = None  # type: ignore[valid-type]
    level: TypicalProductLevel | None = None  # type: ignore[valid-type]
    note: Note2000 | None = None
    support: Amount | None = None
    total_investment: Amount | None = None


class ResultTotal(_Closed):
    counts: Counts = None  # type: ignore[assignment]
    support: Amount | None = None
    total_investment: Amount | None = None


class PeriodReport(_Closed):
    kind: Literal["period_report"]
    schema_version: Literal[1, 2]
    id: Id
    reporting_unit: ReportingUnit
    period: Period
    funding: FundingBreakdown | None = None
    in_reply_to: DecisionRef | None = None
    programme: InstrumentId | None = None  # type: ignore[valid-type]
    report_date: datetime.date | None = None
    results: Annotated[list[ResultLine], Field(max_length=10_000)] = []
    results_total: ResultTotal | None = None
    targets: Annotated[list[ResultLine], Field(max_length=10_000)] = []
    title: OptionalTitle = None


Document = Annotated[Union[Scheme, Plan, PeriodReport], Field(discriminator="kind")]
DOCUMENT = TypeAdapter(Document)
