# Month first: "November 29, 2026"; short, for print: "Nov. 29, 2026".
DATE_FORMAT = "F j, Y"
SHORT_DATE_FORMAT = "N j, Y"
