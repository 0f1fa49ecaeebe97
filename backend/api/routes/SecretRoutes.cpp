#include "api/ApiRequest.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

void addSecretRoutes(Router&)
{
}

} // namespace gatehouse::api
