"""The JSON API, v1, mounted at /api/v1/. Later features add their routers here."""

from ninja import NinjaAPI

from accounts.api import router as regions_router
from ballots.api import router as ballots_router
from core.api import install_error_handlers
from outcomes.api import router as outcomes_router
from proposals.api import router as proposals_router
from rooms.api import router as rooms_router

api = NinjaAPI(
    title="有事好商量 API",
    version="1",
    description="Open data about grassroots consultation. Session auth; send the CSRF token "
    "in the X-CSRFToken header. Errors: {detail, errors: {field: [...]}}.",
    urls_namespace="api-1",
)
install_error_handlers(api)
api.add_router("/regions", regions_router)
api.add_router("/proposals", proposals_router)
api.add_router("", ballots_router)  # /ballots/...
api.add_router("", outcomes_router)  # /outcomes/...
api.add_router("/proposals", rooms_router)
