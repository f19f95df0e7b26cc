import pytest
from tests.browser.test_h5p_types import stage, _uploaded_video  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIST = """() => [...document.querySelectorAll('button,[role],input,textarea,a')].filter(e => e.offsetParent !== null).slice(-25).map(e => e.tagName + '|' + (e.getAttribute('role')||'') + '|' + (e.getAttribute('aria-label')||e.innerText||e.value||'').slice(0,40).replace(/\\s+/g,' ') + '|' + e.className.toString().slice(0,70)).join('\\n')"""

def test_cp(stage):
    stage.open("H5P.CoursePresentation", variant_files=_uploaded_video("H5P.CoursePresentation"))
    p = stage.player()
    n = p.evaluate("H5P.instances[0].slides.length")
    p.evaluate(f"H5P.instances[0].jumpToSlide({n - 1})")
    p.wait_for_timeout(1000)
    print("\nCP", n, p.evaluate(LIST))
    print("STATE", p.evaluate("() => { try { return JSON.stringify(H5P.instances[0].getCurrentState()) } catch (e) { return 'ERR ' + e } }")[:300])

def test_iv(stage):
    stage.open("H5P.InteractiveVideo", variant_files=_uploaded_video("H5P.InteractiveVideo"))
    p = stage.player()
    p.wait_for_timeout(2000)
    print("SEEK", p.evaluate("() => { try { H5P.instances[0].seek(3); return 'ok' } catch (e) { return 'ERR ' + e.stack } }"))
    p.wait_for_timeout(500)
    print("\nIV", p.evaluate("() => { const v = document.querySelector('video'); return v ? [v.src, v.readyState, v.error && v.error.code] : 'no video' }"))
    print("STATE", p.evaluate("() => { try { return String(JSON.stringify(H5P.instances[0].getCurrentState())) + ' t=' + document.querySelector('video').currentTime } catch (e) { return 'ERR ' + e.stack } }")[:600])
    print(stage.logs)
    print(p.evaluate(LIST))
