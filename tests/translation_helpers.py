"""Helpers for the translation tests: write a guide folder, check one file, keep one rule."""
import lint
from lint.runner import ConfigResolver, Services, check_file

FR = """---
title: Configurer le client
legacy_guide_number: 1967
order: 2
---

## Objectif

Ce guide explique comment configurer votre client de messagerie pas à pas.

## En pratique

### Étape 1 : ajouter le compte

Ouvrez le logiciel et cliquez sur le bouton pour ajouter un nouveau compte.

![compte](images/step1.png){.thumbnail}

|Serveur|Port|
|---|---|
|ssl0.ovh.net|993|

Lancez ensuite la commande suivante :

```bash
# vérifier la connexion
openssl s_client -connect ssl0.ovh.net:993
```

Consultez le [guide des redirections](/pages/web/emails/feature_redirections) et l'[espace client](https://www.ovh.com/auth/?action=gotomanager&ovhSubsidiary=fr).

### Étape 2 : vérifier

Vérifiez que la case est cochée, puis fermez la fenêtre.

![fin](images/step2.png){.thumbnail}

## Aller plus loin

Échangez avec notre communauté.
"""

FI = """---
title: Asiakasohjelman konfigurointi
legacy_guide_number: g1967
order: 2
---

## Tavoite

Tämä ohje selittää, miten sähköpostiohjelma konfiguroidaan vaihe vaiheelta.

## Käytännössä

### Vaihe 1: Lisää tili

Avaa ohjelma ja klikkaa painiketta lisätäksesi uuden tilin.

![tili](images/step1.png){.thumbnail}

|Palvelin|Portti|
|---|---|
|ssl0.ovh.net|993|

Suorita sitten seuraava komento:

```bash
# tarkista yhteys
openssl s_client -connect ssl0.ovh.net:993
```

Katso [uudelleenohjausopas](/pages/web/emails/feature_redirections) ja [hallintapaneeli](https://www.ovh.com/auth/?action=gotomanager&ovhSubsidiary=fi).

### Vaihe 2: Tarkista

Tarkista, että ruutu on rastitettu, ja sulje sitten ikkuna.

![loppu](images/step2.png){.thumbnail}

## Lue lisää

Keskustele käyttäjäyhteisömme kanssa.
"""


def check(path, config=None, services=None):
    """The findings of one file, checked as a pre-commit hook would (its folder on disk)."""
    resolver = ConfigResolver(config)
    return check_file(str(path), resolver.effective_for(str(path)), services or Services()).findings


def of(findings, rule):
    return [f for f in findings if f.rule == rule]


def pair_findings(write, target_text, source_text=FR, target="guide/guide.fi-fi.md",
                  source="guide/guide.fr-fr.md", rule=None, config=None):
    write(source, source_text)
    path = write(target, target_text)
    found = check(path, config)
    return [f for f in found if rule is None or f.rule == rule]


def config_file(write, text):
    return lint.Config.load(str(write(".guidelint.yaml", text)))
