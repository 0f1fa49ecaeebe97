#pragma once

#include "CommandTable.h"
#include "core/Result.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <memory>

namespace gatehouse::cli {

// The store of --data-dir, opened through its key custody, with the control plane over it loaded: what every
// command that acts through the control plane starts from.
struct OpenedStore
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::ControlPlane> controlPlane;

    static Result<OpenedStore> open(const Invocation& in)
    {
        auto s = store::Store::open(in.dataDir(), in.keyOptions);
        if (!s)
            return s.error();
        OpenedStore out;
        out.store = std::move(s).value();
        out.controlPlane = std::make_unique<service::ControlPlane>(*out.store);
        if (auto loaded = out.controlPlane->load(); !loaded)
            return loaded.error();
        return out;
    }
};

} // namespace gatehouse::cli
