"""The REST API (FastAPI): `marsad.api.app.create_app(settings=None, store=None)`."""
