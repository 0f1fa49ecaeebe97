#include "api/ApiRequest.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

void addIdentityRoutes(Router&)
{
}

} // namespace gatehouse::api
