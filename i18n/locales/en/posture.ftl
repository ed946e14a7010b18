# posture's messages in English. The reference is ../fr/posture.ftl: every message there is
# here too, with the same arguments. Words follow docs/glossaire.md.

## A machine fact's status (docs/glossaire.md: ok, to watch, non-compliant, unknown).

fact-status-ok = ok
fact-status-warn = to watch
fact-status-fail = non-compliant
fact-status-unknown = unknown

## Durations.

days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## A maturity level's name (0 to 4), as every output prints it.

level-name = { $level ->
    [0] none
    [1] initial
    [2] partial
    [3] defined and applied
   *[4] managed and checked
}

## Why a file could not be read or written: the operating system's own message is English only.

io-not-found = no such file or directory
io-denied = permission denied
io-is-directory = it is a directory
io-not-directory = a part of the path is not a directory
io-not-utf8 = unreadable content: not UTF-8 text
io-exists = the file already exists
io-disk-full = no space left on the disk
io-read-only = read-only file system
io-other = { $reason }

## A TOML or JSON parser's message (through serde), in the interface's language.

parse-missing-field = missing field `{ $field }`
parse-unknown-field = unknown field `{ $field }`, expected { $expected }
parse-invalid-type = invalid type: { $found }, expected { $expected }
parse-invalid-type-only = invalid type: { $found }
parse-unknown-variant = unknown variant `{ $value }`, expected { $expected }

## French typography, as catalog check and the tests say what is missing. The excerpt shows a
## no-break space as ⍽ and a narrow one as ·.

typography-nbsp-before = a no-break space (U+00A0) is expected before "{ $sign }" in "…{ $excerpt }…"
typography-narrow-before = a narrow no-break space (U+202F) is expected before "{ $sign }" in "…{ $excerpt }…"
typography-nbsp-after = a no-break space (U+00A0) is expected after "«" in "…{ $excerpt }…"
