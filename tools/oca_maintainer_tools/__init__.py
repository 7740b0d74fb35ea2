# OCA's README generator (oca-gen-addon-readme), vendored: see NOTICE.md.
