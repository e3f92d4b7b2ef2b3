//! The command's definitions in the user's language: Vietnamese (the default) or English.
//!
//! The English texts are the doc comments of the definitions; the Vietnamese ones are in
//! [`VI`], keyed by the command's path and the argument's name. A test requires a
//! Vietnamese text for every command, argument and documented value.

use std::ffi::OsString;

use clap::builder::PossibleValue;
use clap::{Arg, Command, CommandFactory};
use khuyencong::law::Lang;

use crate::Cli;

/// The language of the help: `--lang vi|en` anywhere among the arguments, else the locale
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): Vietnamese when it starts with `vi`,
/// English for any other language; Vietnamese when no locale names a language (unset,
/// `C`, `POSIX`).
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = if a == "--lang" {
            it.next().map(std::borrow::Cow::into_owned)
        } else {
            a.strip_prefix("--lang=").map(str::to_owned)
        };
        match value.as_deref() {
            Some("en") => return Lang::En,
            Some("vi") => return Lang::Vi,
            _ => {}
        }
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = std::env::var_os(var) {
            let v = v.to_string_lossy();
            if v.is_empty() {
                continue;
            }
            return locale_lang(&v);
        }
    }
    Lang::Vi
}

fn locale_lang(locale: &str) -> Lang {
    if locale.starts_with("vi") || locale == "C" || locale == "POSIX" || locale.starts_with("C.")
    {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// The command's definition with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Vi => translate(cmd, "")
            .help_template(VI_TEMPLATE)
            .after_help(VI_AFTER),
    }
}

const VI_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";
const VI_AFTER: &str = "Trợ giúp bằng tiếng Anh / help in English: --lang en";

/// The key of a command in [`VI`]: the names of its subcommands from the top, joined by
/// spaces (`""` for the command itself, `"register add"`).
fn sub_key(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path} {name}")
    }
}

fn vi(key: &str) -> Option<&'static str> {
    VI.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Help from a Vietnamese text: the first paragraph as the short help, the whole as the long.
fn split(text: &'static str) -> (&'static str, Option<&'static str>) {
    match text.split_once("\n\n") {
        Some((short, _)) => (short, Some(text)),
        None => (text, None),
    }
}

fn translate(mut cmd: Command, path: &str) -> Command {
    if let Some(text) = vi(path) {
        let (short, long) = split(text);
        cmd = cmd.about(short).long_about(long);
    }
    cmd = cmd
        .help_template(VI_TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH");
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let key = format!("{path} --{id}");
        cmd = cmd.mut_arg(&id, |a| translate_arg(a, &key));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in subs {
        let key = sub_key(path, &name);
        cmd = cmd.mut_subcommand(&name, |c| translate(c, &key));
    }
    cmd
}

fn translate_arg(mut a: Arg, key: &str) -> Arg {
    let heading = if a.is_positional() {
        "Đối số"
    } else {
        "Tùy chọn"
    };
    a = a.help_heading(heading);
    let Some(text) = vi(key) else {
        return a;
    };
    let (short, long) = split(text);
    let mut short = short.to_owned();
    let mut long = long.map(str::to_owned);
    // clap writes "[possible values: …]" and "[default: …]" in English: the Vietnamese help
    // says them itself (the values' own help in the long form).
    let values: Vec<PossibleValue> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
    if !values.is_empty() && takes_value {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push_str(&format!(" [giá trị: {}]", names.join(", ")));
        if values.iter().any(|v| v.get_help().is_some()) {
            let mut l = long.unwrap_or_else(|| text.to_owned());
            l.push_str("\n\nGiá trị:");
            for v in &values {
                let k = format!("{key}={}", v.get_name());
                match vi(&k) {
                    Some(h) => l.push_str(&format!("\n  - {}: {h}", v.get_name())),
                    None => l.push_str(&format!("\n  - {}", v.get_name())),
                }
            }
            long = Some(l);
        }
        a = a.hide_possible_values(true);
    }
    if !defaults.is_empty() && takes_value && !a.is_hide_default_value_set() {
        let d = format!(" [mặc định: {}]", defaults.join(", "));
        short.push_str(&d);
        long = long.map(|mut l| {
            l.push_str(&format!("\n\n[mặc định: {}]", defaults.join(", ")));
            l
        });
        a = a.hide_default_value(true);
    }
    if let Some(l) = &mut long
        && !values.is_empty()
        && takes_value
        && !l.contains("Giá trị:")
    {
        l.push_str(&format!(
            "\n\n[giá trị: {}]",
            values
                .iter()
                .map(PossibleValue::get_name)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let a = a.help(short);
    match long {
        Some(l) => a.long_help(l),
        None => a.long_help(None::<&'static str>),
    }
}

/// Every text of the help that [`VI`] must translate: `(key, English text)`.
#[cfg(test)]
fn texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((path.to_owned(), about.to_string()));
    }
    for a in cmd.get_arguments() {
        let key = format!("{path} --{}", a.get_id());
        if let Some(h) = a.get_long_help().or(a.get_help()) {
            out.push((key.clone(), h.to_string()));
        }
        for v in a.get_possible_values() {
            if let Some(h) = v.get_help() {
                out.push((format!("{key}={}", v.get_name()), h.to_string()));
            }
        }
    }
    for c in cmd.get_subcommands() {
        texts(c, &sub_key(path, c.get_name()), out);
    }
}

/// The Vietnamese help: `("check", about)`, `("check --files", help)`,
/// `("check --format=json", a value's help)`.
static VI: &[(&str, &str)] = &[];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_the_help_is_in_vietnamese() {
        let mut all = Vec::new();
        texts(&command(Lang::En), "", &mut all);
        let missing: Vec<String> = all
            .iter()
            .filter(|(k, _)| vi(k).is_none())
            .map(|(k, en)| format!("    (\"{k}\", \"{}\"),", en.replace('"', "\\\"").replace('\n', "\\n")))
            .collect();
        assert!(missing.is_empty(), "missing Vietnamese help:\n{}", missing.join("\n"));
        let unused: Vec<&str> = VI
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !all.iter().any(|(a, _)| a == k))
            .collect();
        assert!(unused.is_empty(), "Vietnamese help for nothing: {unused:?}");
    }

    #[test]
    fn the_locale_decides_the_help_language_when_lang_is_not_given() {
        assert!(matches!(locale_lang("vi_VN.UTF-8"), Lang::Vi));
        assert!(matches!(locale_lang("en_US.UTF-8"), Lang::En));
        assert!(matches!(locale_lang("C.UTF-8"), Lang::Vi));
        assert!(matches!(locale_lang("POSIX"), Lang::Vi));
        assert!(matches!(locale_lang("fr_FR"), Lang::En));
    }
}
