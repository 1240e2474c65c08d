"""Commands on release folders: ``validate``, ``verify``, ``changelog`` and ``publish``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimbench.cli.common import claims_and_papers


def register(sub) -> None:
    """Add this group's commands to the ``claimbench`` subparsers ``sub``."""
    p = sub.add_parser("validate", help="run the expectation suite over a claims Parquet file or a release")
    p.add_argument("path", type=Path)
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("verify", help="check a release: checksums, schema, row counts, expectation suite")
    p.add_argument("release", type=Path)
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("changelog", help="write releases/CHANGELOG.md from the release folders",
                       description="Write CHANGELOG.md in the releases folder from the releases themselves.")
    p.add_argument("--releases-dir", type=Path, default=Path("releases"), help="where the releases are (default: ./releases)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when CHANGELOG.md is missing or out of date")
    p.set_defaults(handler=cmd_changelog)

    p = sub.add_parser("publish", help="verify a release and upload it to the Hugging Face Hub as a dataset, tagged vX.Y.Z")
    p.add_argument("release", type=Path, help="a release folder, e.g. releases/v0.2.0")
    p.add_argument("--repo-id", required=True, metavar="ORG/NAME", help="the Hub dataset repository (created if missing)")
    p.add_argument("--dry-run", action="store_true", help="verify and list what would be uploaded where; no network call")
    p.add_argument("--private", action="store_true", help="create the repository as private (an existing one keeps its visibility)")
    p.set_defaults(handler=cmd_publish)


def cmd_validate(args) -> int:
    from claimbench.validation import validate_tables

    claims, papers = claims_and_papers(args.path)
    report = validate_tables(claims, papers)
    print(report.summary_text())
    return 0 if report.success and report.quarantine.num_rows == 0 else 1


def cmd_verify(args) -> int:
    from claimbench.release.verify import verify_release

    problems = verify_release(args.release)
    if not problems:
        from claimbench.validation import validate_tables

        claims, papers = claims_and_papers(args.release)
        report = validate_tables(claims, papers)
        if not report.success or report.quarantine.num_rows:
            problems.append("the expectation suite fails on this release:\n" + report.summary_text())
    for problem in problems:
        print(f"{args.release}: {problem}")
    if not problems:
        print(f"{args.release}: OK (checksums, schema, row counts, expectation suite)")
    return 1 if problems else 0


def cmd_changelog(args: argparse.Namespace) -> int:
    from claimbench.analysis.changelog import changelog_text, write_changelog
    from claimbench.release.versioning import releases_in

    path = args.releases_dir / "CHANGELOG.md"
    if args.check:
        text = changelog_text(args.releases_dir)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date: run claimbench changelog --releases-dir {args.releases_dir}", file=sys.stderr)
            return 1
        print(f"{path} is up to date")
        return 0
    write_changelog(args.releases_dir)
    found = releases_in(args.releases_dir)
    newest = ".".join(map(str, found[-1][0]))
    print(f"wrote {path} ({len(found)} release{'s' if len(found) != 1 else ''}, newest v{newest})")
    return 0


def cmd_publish(args) -> int:
    """Handler of ``claimbench publish``: 0 published (or planned), 1 verification or upload failed, 2 usage/setup."""
    from claimbench.release.publish import TOKEN_ENV, PublishError, find_token, publish, publish_plan, redact

    try:
        plan = publish_plan(args.release, args.repo_id, private=args.private)
        print(f"{args.release}: verified (checksums, schema, row counts, validation passed)")
        if args.dry_run:
            print("dry run: nothing is uploaded, no network call is made")
            print(plan.describe())
            return 0
        try:
            token = find_token()
        except PublishError:
            raise  # a malformed $HF_TOKEN: the message names the variable, never its value
        except Exception as err:  # noqa: BLE001 -- e.g. a failed OIDC exchange; never show what it held
            raise PublishError(f"could not read the Hugging Face token: {redact(str(err), None)}", code=2) from None
        if not token:
            raise PublishError(f"no Hugging Face token: set {TOKEN_ENV} or run `hf auth login` "
                               f"(or use --dry-run to see what would be uploaded)", code=2)
        print(plan.describe())
        result = publish(plan, token)
    except PublishError as err:
        print(f"claimbench: publish: {err}", file=sys.stderr)
        return err.exit_code
    print(f"uploaded {len(plan.files)} files to {result.repo_url} in commit {result.commit}")
    print(f"tagged {plan.tag}; load with: datasets.load_dataset({plan.repo_id!r}, \"claims\", revision={plan.tag!r})")
    return 0
