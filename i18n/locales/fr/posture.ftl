# posture's messages in French: the reference catalog. Every message here has its English in
# ../en/posture.ftl, with the same arguments. French typography is written in the characters
# themselves: a no-break space (U+00A0) before « : » and inside « », a narrow no-break space
# (U+202F) before « ; ? ! ». Words follow docs/glossaire.md.

## A machine fact's status (docs/glossaire.md: ok, à surveiller, non conforme, inconnu).

fact-status-ok = ok
fact-status-warn = à surveiller
fact-status-fail = non conforme
fact-status-unknown = inconnu

## Durations. French says "0 jour" and "1 jour" (CLDR: 0 and 1 are "one"), "2 jours".

days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}

## A maturity level's name (0 to 4), as every output prints it.

level-name = { $level ->
    [0] inexistant
    [1] initial
    [2] partiel
    [3] défini et appliqué
   *[4] géré et vérifié
}

## Why a file could not be read or written: the operating system's own message is English only.

io-not-found = fichier ou dossier introuvable
io-denied = accès refusé
io-is-directory = c'est un dossier
io-not-directory = un élément du chemin n'est pas un dossier
io-not-utf8 = contenu illisible : ce n'est pas du texte UTF-8
io-exists = le fichier existe déjà
io-disk-full = disque plein
io-read-only = système de fichiers en lecture seule
io-other = { $reason }

## A TOML or JSON parser's message (through serde), in the interface's language.

parse-missing-field = champ obligatoire manquant : « { $field } »
parse-unknown-field = champ inconnu « { $field } » (champs possibles : { $expected })
parse-invalid-type = type invalide : { $found } au lieu de { $expected }
parse-invalid-type-only = type invalide : { $found }
parse-unknown-variant = valeur inconnue « { $value } » (valeurs possibles : { $expected })

## French typography, as catalog check and the tests say what is missing. The excerpt shows a
## no-break space as ⍽ and a narrow one as ·.

typography-nbsp-before = espace insécable (U+00A0) attendue avant « { $sign } » dans « …{ $excerpt }… »
typography-narrow-before = espace fine insécable (U+202F) attendue avant « { $sign } » dans « …{ $excerpt }… »
typography-nbsp-after = espace insécable (U+00A0) attendue après « « » dans « …{ $excerpt }… »
