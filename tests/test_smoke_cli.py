from tests.conftest import ADMIN_PASSWORD


def test_init_then_check(cli, data_dir):
    r = cli(
        ["init", "--data-dir", str(data_dir), "--office-code", "SHG", "--office-name", "Shengjin",
         "--admin", "admin", "--password-stdin"],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 0, r.err
    r = cli(["check", "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"],
            stdin=ADMIN_PASSWORD + "\n")
    assert r.code == 0, r.err
    assert "audit chain: ok" in r.out
