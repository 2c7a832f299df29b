import sys

from .launch import keep_compiled_patterns

keep_compiled_patterns(sys.argv[1:])

from .cli import main  # noqa: E402  (after the patterns are in place)

sys.exit(main())
