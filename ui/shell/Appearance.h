#pragma once

#include <QString>

class QApplication;

namespace gatehouse::ui {

// The console's look and language, kept in QSettings (never a secret): Fusion in the system's light or dark
// palette (or one chosen), and the system's language (or one chosen among the shipped translations).
class Appearance
{
public:
    enum class Theme { System, Light, Dark };

    static Theme theme();
    static void setTheme(Theme theme);
    // "" follows the system; else a shipped language code ("en", "de", "fr").
    static QString language();
    static void setLanguage(const QString& code);
    static QStringList languages();
    static QString languageName(const QString& code);

    // Fusion with the palette the theme asks for; System asks the desktop (the XDG portal's colour-scheme
    // preference), falling back to the platform palette's own lightness.
    static void apply(QApplication& app, Theme theme);
    static bool systemPrefersDark();
    // Installs Qt's and the console's translators for the chosen (or the system's) language.
    static void installTranslators(QApplication& app);
};

} // namespace gatehouse::ui
