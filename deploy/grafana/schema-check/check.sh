#!/usr/bin/env bash
# Type-checks each Grafana dashboard JSON against @grafana/schema's Dashboard type with tsc --strict:
# every dashboard becomes `const dashboard: Json<Dashboard> = <the JSON>;`, so a misspelt field, a wrong
# type or an unknown enum value (thresholds mode, tooltip mode...) fails. Json<T> turns the schema's
# string enums into their literal values, which is what JSON holds.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -x node_modules/.bin/tsc ]]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf generated && mkdir generated
for json in ../dashboards/*.json; do
    name=$(basename "$json" .json)
    {
        echo "import type { Dashboard } from '@grafana/schema';"
        echo 'type Json<T> = T extends string ? `${T}` : T extends (infer E)[] ? Json<E>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;'
        printf 'export const dashboard: Json<Dashboard> = '
        cat "$json"
        echo ';'
    } >"generated/$name.ts"
done
node_modules/.bin/tsc -p .
echo "dashboards match @grafana/schema $(node -p "require('@grafana/schema/package.json').version"): $(ls generated | tr '\n' ' ')"
