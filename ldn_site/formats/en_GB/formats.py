# Day first: "29 November 2026"; short, for print: "29 Nov 2026".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
