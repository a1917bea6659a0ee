"""A clean biological specimen row shared by tests of several layers."""
SPECIMEN = {
    "local_id": "IHB-F-000123", "basis_of_record": "PreservedSpecimen", "institution_code": "IHB",
    "scientific_name": "Acipenser sinensis Gray, 1835", "kingdom": "Animalia", "family": "Acipenseridae",
    "genus": "Acipenser", "specific_epithet": "sinensis", "taxon_rank": "species", "name_zh": "中华鲟",
    "recorded_by": "Zhang San | Li Si", "event_date": "1998-05-01", "country_code": "中国", "state_province": "湖北省",
    "county": "宜昌市", "locality": "湖北省宜昌市葛洲坝下游江段", "decimal_latitude": "30.7",
    "decimal_longitude": "111.28", "coordinate_uncertainty_m": "1000", "sharing_mode": "依申请共享",
    "individual_count": "1", "sex": "雌",
}
