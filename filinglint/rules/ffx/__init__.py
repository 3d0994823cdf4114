"""Rules of the fee_exhibit family: the Inline XBRL filing-fee exhibit (EX-FILING FEES).

Each rule implements one of the SEC staff's own fee-exhibit validations, as EDGAR runs
them (Arelle/EDGAR ``validate/resources/ft-validations.json``), and names its code.
"""
