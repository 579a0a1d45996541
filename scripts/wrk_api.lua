-- wrk: POST /api/check with five entries (the JSON body comes from the environment).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("LDN_API_BODY")
