#!/usr/bin/env bash
# Regenerates routes.tsv, the fake's own copy of Mautic 5.1's route table, from ../shared/reference/mautic-endpoints.tsv
# (area, operation, method, path, in_source; OAuth's routes left out). The fake reads this copy, never the client's
# tables; tests/Mautic.Module.Tests fails when it is out of date.
set -euo pipefail
cd "$(dirname "$0")"
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 1 || $1 != "oauth" { print $1, $2, $3, $4, $6 }' ../../../shared/reference/mautic-endpoints.tsv > routes.tsv
