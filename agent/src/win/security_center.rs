//! Security Center's antivirus list: the antivirus products Windows itself knows on the machine
//! (WMI namespace `ROOT\SecurityCenter2`, class `AntiVirusProduct`), the first source of the
//! `av.*` facts, before Defender's registry keys and the installed programs' names. The list as
//! plain data, the decoding of its `productState` bit field and the sorting of WMI's failures live
//! here, on every system, so that they are tested on Linux; `win32` reads the list on Windows.
//!
//! Windows Server has no Security Center: there the namespace does not exist ([`Listing::Absent`])
//! and the facts come from the next sources, saying why.

/// The WMI namespace of Security Center's lists (Windows Vista and later, clients only).
pub const NAMESPACE: &str = r"ROOT\SecurityCenter2";

/// The WQL query the agent sends.
pub const QUERY: &str =
    "SELECT displayName, productState, pathToSignedProductExe FROM AntiVirusProduct";

/// Security Center's list as written in facts' sources.
pub const SOURCE: &str = r"WMI ROOT\SecurityCenter2 AntiVirusProduct (displayName, productState)";

/// One antivirus product registered with Security Center.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// `displayName`: "Windows Defender", "ESET Security"…
    pub name: String,
    /// `productState`, as it is (see [`decode`]).
    pub state: u32,
    /// `pathToSignedProductExe`: `windowsdefender://` for Microsoft Defender.
    pub exe: String,
}

impl Product {
    /// The product's state, decoded.
    pub fn decoded(&self) -> ProductState {
        decode(self.state)
    }

    /// Whether the product is Microsoft Defender: the owner bits say Windows, or its program is
    /// Defender's own URI. (Not by name: "Bitdefender" contains "defender".)
    pub fn is_defender(&self) -> bool {
        self.decoded().by_microsoft
            || self
                .exe
                .trim()
                .to_ascii_lowercase()
                .starts_with("windowsdefender:")
    }
}

/// Whether the product's scanner protects the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scanner {
    /// Off (`0x0000` in the state's bits 12–15).
    Off,
    /// On, protecting the machine (`0x1000`).
    On,
    /// Turned off for a while (`0x2000`).
    Snoozed,
    /// The licence expired: it no longer protects (`0x3000`).
    Expired,
    /// A value no source documents.
    Other(u8),
}

/// What a `productState` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProductState {
    /// The scanner's state.
    pub scanner: Scanner,
    /// Whether the product says its signatures are up to date (bits 4–7: `0x00`; `0x10` out of
    /// date).
    pub signatures_current: bool,
    /// Whether the product is Windows' own (bits 8–11: `0x100`; `0x000` another vendor's).
    pub by_microsoft: bool,
}

/// Decodes `productState`. Microsoft does not document it; its layout is known from what the
/// products report (the `WSC_SECURITY_PROVIDER` in bits 16–23, then the nibbles read here):
/// 397568 = `0x061100` is Defender on with current signatures, 393472 = `0x060100` Defender off,
/// 397584 = `0x061110` Defender on with signatures out of date, 266240 = `0x041000` another
/// vendor's product on. A scanner nibble no source explains ([`Scanner::Other`]) is not "on".
pub fn decode(state: u32) -> ProductState {
    let nibble = |shift: u32| ((state >> shift) & 0xF) as u8;
    ProductState {
        scanner: match nibble(12) {
            0 => Scanner::Off,
            1 => Scanner::On,
            2 => Scanner::Snoozed,
            3 => Scanner::Expired,
            other => Scanner::Other(other),
        },
        signatures_current: nibble(4) == 0,
        by_microsoft: nibble(8) == 1,
    }
}

/// What reading Security Center's list gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Listing {
    /// Not read (not on Windows).
    #[default]
    NotRead,
    /// The namespace or the class does not exist: Windows Server (and Wine) have no Security
    /// Center.
    Absent,
    /// WMI refused the user.
    Denied,
    /// WMI failed: its error.
    Failed(String),
    /// WMI did not answer within this many seconds.
    TimedOut(u64),
    /// The products registered (possibly none).
    Listed(Vec<Product>),
}

/// `WBEM_E_INVALID_NAMESPACE`.
const INVALID_NAMESPACE: u32 = 0x8004_100E;
/// `WBEM_E_INVALID_CLASS`.
const INVALID_CLASS: u32 = 0x8004_1010;
/// `WBEM_E_ACCESS_DENIED`.
const WBEM_ACCESS_DENIED: u32 = 0x8004_1003;
/// `E_ACCESSDENIED`.
const ACCESS_DENIED: u32 = 0x8007_0005;

impl Listing {
    /// A failed WMI call as a listing: its HRESULT decides, the system's message (possibly
    /// empty: WMI's codes often have none) goes with it.
    pub fn failure(hresult: u32, message: &str) -> Listing {
        match hresult {
            INVALID_NAMESPACE | INVALID_CLASS => Listing::Absent,
            WBEM_ACCESS_DENIED | ACCESS_DENIED => Listing::Denied,
            _ => {
                let message = message.trim();
                Listing::Failed(if message.is_empty() {
                    format!("0x{hresult:08X}")
                } else {
                    format!("0x{hresult:08X} {message}")
                })
            }
        }
    }

    /// Why the list gives no product, as a message (what the `av.*` facts say when they come from
    /// the next sources).
    pub fn reason(&self) -> i18n::Message {
        match self {
            Listing::NotRead => i18n::message!("collect-win-not-read"),
            Listing::Absent => i18n::message!("collect-win-sc-absent"),
            Listing::Denied => i18n::message!("collect-win-sc-denied"),
            Listing::Failed(why) => i18n::message!("collect-win-sc-failed", why = why.as_str()),
            Listing::TimedOut(seconds) => {
                i18n::message!("collect-win-sc-timeout", seconds = *seconds)
            }
            Listing::Listed(_) => i18n::message!("collect-win-sc-empty"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_states_reported_in_the_field_decode_as_their_products_say() {
        // Microsoft Defender, on, signatures current (Windows 10/11 out of the box).
        assert_eq!(
            decode(397_568),
            ProductState {
                scanner: Scanner::On,
                signatures_current: true,
                by_microsoft: true
            }
        );
        assert_eq!(397_568, 0x06_11_00);
        // Defender off (another product took over, or turned off).
        assert_eq!(decode(393_472).scanner, Scanner::Off);
        assert!(decode(393_472).by_microsoft);
        // Defender on, signatures out of date.
        let outdated = decode(397_584);
        assert_eq!(outdated.scanner, Scanner::On);
        assert!(!outdated.signatures_current);
        // Another vendor's product: on and current, on and out of date, off, snoozed, expired.
        assert_eq!(
            decode(266_240),
            ProductState {
                scanner: Scanner::On,
                signatures_current: true,
                by_microsoft: false
            }
        );
        assert!(!decode(266_256).signatures_current);
        assert_eq!(decode(262_144).scanner, Scanner::Off);
        assert_eq!(decode(270_336).scanner, Scanner::Snoozed);
        assert_eq!(decode(0x04_30_00).scanner, Scanner::Expired);
        assert_eq!(decode(344_064).scanner, Scanner::Other(4));
    }

    #[test]
    fn defender_is_known_by_its_owner_bits_or_its_uri_not_by_name() {
        let product = |name: &str, state, exe: &str| Product {
            name: name.to_owned(),
            state,
            exe: exe.to_owned(),
        };
        assert!(product("Windows Defender", 397_568, "windowsdefender://").is_defender());
        assert!(
            product(
                "Microsoft Defender Antivirus",
                0x06_10_00,
                "windowsdefender://"
            )
            .is_defender()
        );
        assert!(
            !product(
                "Bitdefender Antivirus",
                266_240,
                r"C:\Program Files\Bitdefender\wsccommunicator.exe"
            )
            .is_defender()
        );
    }

    #[test]
    fn wmi_failures_are_sorted_by_their_code() {
        // Windows Server (and Wine) have no ROOT\SecurityCenter2.
        assert_eq!(Listing::failure(0x8004_100E, ""), Listing::Absent);
        assert_eq!(Listing::failure(0x8004_1010, ""), Listing::Absent);
        assert_eq!(
            Listing::failure(0x8004_1003, "Access denied"),
            Listing::Denied
        );
        assert_eq!(
            Listing::failure(0x8004_1001, ""),
            Listing::Failed("0x80041001".into())
        );
        assert_eq!(
            Listing::failure(0x8007_06BA, " The RPC server is unavailable. "),
            Listing::Failed("0x800706BA The RPC server is unavailable.".into())
        );
    }
}
