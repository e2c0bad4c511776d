import sys

from igcsante.cli import main

sys.exit(main())
