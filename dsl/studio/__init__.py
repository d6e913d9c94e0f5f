"""`prog studio`: the clinician's page, a local web app over the language services and outputs.

A thin map from HTTP to the engine every other face uses: `files` keeps reads and writes
inside the folder it was given, `security` decides who may ask, `plinth` steps a program
for the page with the same session log as `prog step`, `app` routes requests, and `server`
binds the loopback address and runs uvicorn. The front end is built from `studio-web/` into
`static/` and shipped in the wheel.
"""
