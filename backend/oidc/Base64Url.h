#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace gatehouse::oidc {

// base64url without padding (RFC 7515, section 2), as JOSE writes it.
QByteArray base64UrlEncode(QByteArrayView bytes);
// Strict: only the URL-safe alphabet, no padding, no whitespace, no impossible length, and no non-zero bits left
// over in the last character (so one value has exactly one spelling). Anything else is std::nullopt.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace gatehouse::oidc
