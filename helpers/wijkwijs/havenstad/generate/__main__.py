"""``python -m wijkwijs.havenstad.generate --out datasets/havenstad [--seed N]``."""

import sys

from wijkwijs.havenstad.generate.writers import main

if __name__ == "__main__":
    sys.exit(main())
