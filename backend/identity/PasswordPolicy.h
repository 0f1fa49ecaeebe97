#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QString>

namespace gatehouse::identity {

// After OWASP ASVS 4 (2.1): 12 to 128 characters (counted as Unicode code points), any characters, no
// composition rules; refuses the username itself and passwords from a bundled list of common ones.
class PasswordPolicy
{
public:
    static constexpr int kMinLength = 12;
    static constexpr int kMaxLength = 128;

    static Result<void> check(const SecureBytes& password, const QString& username);
};

} // namespace gatehouse::identity
