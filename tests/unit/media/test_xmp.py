"""XMP: what the app writes reads back the same; what cameras and tools write is understood."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.media.xmp import MAX_FIELD_CHARS, PhotoMetadata, build_xmp, clean_text, parse_xmp

VIETNAMESE = "ảnh Đại hội Đảng bộ tỉnh Lào Cai lần thứ XVI — “đổi mới” & <phát triển>"

texts = st.text(
    alphabet=st.one_of(
        st.characters(),  # anything, XML specials and controls included
        st.sampled_from("&<>\"'\r\n\t]]>ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệĐ\u0300\u0301\u0323"),
    ),
    max_size=60,
)
metadatas = st.builds(PhotoMetadata, texts, texts, texts, texts)


@settings(max_examples=300, deadline=None)
@given(metadatas)
def test_what_is_written_reads_back_the_same(meta: PhotoMetadata) -> None:
    assert parse_xmp(build_xmp(meta)) == meta


@given(texts)
def test_clean_text_is_idempotent_nfc_and_xml_safe(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert all(c in "\t\n\r" or ord(c) >= 0x20 for c in once)


def test_vietnamese_and_xml_specials_round_trip_as_utf8() -> None:
    meta = PhotoMetadata(
        caption=VIETNAMESE, creator="Phóng viên Báo Lào Cai", credit="Ảnh: Trần Đức", copyright="©"
    )
    packet = build_xmp(meta)
    assert "Đại hội".encode() in packet and b"&lt;ph" in packet and b"&amp;" in packet
    assert parse_xmp(packet) == meta


def test_decomposed_input_is_stored_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Đại hội")
    assert PhotoMetadata(caption=decomposed).caption == "Đại hội"


def test_long_fields_are_cut_so_the_packet_fits_a_jpeg_segment() -> None:
    meta = PhotoMetadata(*(["&" * 10_000] * 4))
    assert len(meta.caption) == MAX_FIELD_CHARS
    assert len(build_xmp(meta)) < 65_000


def test_empty_metadata_writes_nothing() -> None:
    assert build_xmp(PhotoMetadata()) == b""
    assert not PhotoMetadata(caption="  ")


def test_digest_follows_the_content() -> None:
    assert PhotoMetadata(caption="a").digest() == PhotoMetadata(caption="a ").digest()
    assert PhotoMetadata(caption="a").digest() != PhotoMetadata(caption="b").digest()


FOREIGN = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 5.6">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    photoshop:Credit="Báo Lào Cai"/>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:description><rdf:Alt>
     <rdf:li xml:lang="en-US">Delegates speak.</rdf:li>
     <rdf:li xml:lang="x-default">Các đại biểu phát biểu ý kiến.</rdf:li>
   </rdf:Alt></dc:description>
   <dc:creator><rdf:Bag><rdf:li>Hoàng Anh</rdf:li><rdf:li>Minh Đức</rdf:li></rdf:Bag></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="vi">© Báo Lào Cai</rdf:li></rdf:Alt></dc:rights>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>\x00\x00   """


def test_reads_what_photo_tools_write() -> None:
    assert parse_xmp(FOREIGN.encode()) == PhotoMetadata(
        caption="Các đại biểu phát biểu ý kiến.",
        creator="Hoàng Anh; Minh Đức",
        credit="Báo Lào Cai",
        copyright="© Báo Lào Cai",
    )


def test_hostile_or_broken_xmp_reads_as_empty() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'
    )
    for junk in (b"", b"\x00\xff\xfe", b"<x:xmpmeta", laughs.encode(), b"<a><b></a>"):
        assert parse_xmp(junk) == PhotoMetadata()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_parser_never_raises(data: bytes | str) -> None:
    assert isinstance(parse_xmp(data), PhotoMetadata)
