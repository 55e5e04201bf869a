<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/editor_app/app.py" line="80" />
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/app.py" line="81" />
        <source>Something went wrong: {error}

Details were written to {log}</source>
        <translation>Đã xảy ra lỗi: {error}

Chi tiết được ghi vào {log}</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="97" />
        <source>— choose a section —</source>
        <translation>— chọn chuyên mục —</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="153" />
        <source>Unsaved changes…</source>
        <translation>Có thay đổi chưa lưu…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="187" />
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="191" />
        <source>Not saved: {error} — will retry</source>
        <translation>Chưa lưu được: {error} — sẽ thử lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="197" />
        <source>{low}–{high} characters</source>
        <translation>{low}–{high} ký tự</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="199" />
        <source>{n} characters — short (aim for {low}–{high})</source>
        <translation>{n} ký tự — ngắn (nên {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="204" />
        <source>{n} characters — long (aim for {low}–{high})</source>
        <translation>{n} ký tự — dài (nên {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="209" />
        <source>{n} characters</source>
        <translation>{n} ký tự</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="225" />
        <source>{words} words · {chars} characters ({nospace} without spaces) · {minutes} min read</source>
        <translation>{words} từ · {chars} ký tự ({nospace} không kể dấu cách) · {minutes} phút đọc</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <location filename="../../src/editor_app/gui/editor/spell_highlight.py" line="93" />
        <source>No suggestions</source>
        <translation>Không có gợi ý</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/spell_highlight.py" line="96" />
        <source>Add to dictionary</source>
        <translation>Thêm vào từ điển</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/spell_highlight.py" line="98" />
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>DirectoryDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="57" />
        <source>Officials directory</source>
        <translation>Danh bạ lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="64" />
        <source>Search names, titles, organisations (diacritics optional)…</source>
        <translation>Tìm theo tên, chức danh, cơ quan (không cần dấu)…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="67" />
        <source>Show retired</source>
        <translation>Hiện người đã nghỉ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="75" />
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="76" />
        <source>Current titles</source>
        <translation>Chức danh hiện nay</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="77" />
        <source>Organisation</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="78" />
        <source>Stories</source>
        <translation>Số bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="91" />
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="92" />
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="93" />
        <source>Merge…</source>
        <translation>Gộp…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="94" />
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="205" />
        <source>Retire</source>
        <translation>Cho nghỉ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="95" />
        <source>Show stories</source>
        <translation>Xem các bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="96" />
        <source>Filter the story list by this official</source>
        <translation>Lọc danh sách bài theo người này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="97" />
        <source>Import CSV…</source>
        <translation>Nhập CSV…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="98" />
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="153" />
        <source> (retired)</source>
        <translation> (đã nghỉ)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="162" />
        <source>Also: {names}</source>
        <translation>Tên khác: {names}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="174" />
        <source>{shown} of {total} officials</source>
        <translation>{shown}/{total} người</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="205" />
        <source>Reinstate</source>
        <translation>Cho làm lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="260" />
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="270" />
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="281" />
        <source>Import the directory</source>
        <translation>Nhập danh bạ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="260" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Tệp CSV (*.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="273" />
        <source>{added} added, {updated} updated.</source>
        <translation>Đã thêm {added}, cập nhật {updated} người.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="284" />
        <source>{n} rows were not imported:</source>
        <translation>{n} dòng không nhập được:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="297" />
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="306" />
        <source>Export the directory</source>
        <translation>Xuất danh bạ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="297" />
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="308" />
        <source>{n} officials written to {path}</source>
        <translation>Đã ghi {n} người vào {path}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="52" />
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="56" />
        <source>Replace with</source>
        <translation>Thay bằng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="60" />
        <source>Previous match (Shift+Enter)</source>
        <translation>Kết quả trước (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="64" />
        <source>Next match (Enter)</source>
        <translation>Kết quả sau (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="68" />
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="72" />
        <source>Match case</source>
        <translation>Phân biệt hoa thường</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="73" />
        <source>Ignore diacritics</source>
        <translation>Bỏ qua dấu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="74" />
        <source>Whole words</source>
        <translation>Nguyên từ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="75" />
        <source>Replace</source>
        <translation>Thay</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="76" />
        <source>Replace all</source>
        <translation>Thay tất cả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="248" />
        <source>{count} replaced</source>
        <translation>Đã thay {count}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="279" />
        <source>No matches</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="284" />
        <source>{current}/{total}</source>
        <translation>{current}/{total}</translation>
    </message>
</context>
<context>
    <name>KeywordFilter</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/story_filters.py" line="71" />
        <source>Show stories with this keyword (diacritics optional)</source>
        <translation>Lọc bài có từ khóa này (không cần dấu)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/story_filters.py" line="76" />
        <source>All keywords</source>
        <translation>Mọi từ khóa</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="48" />
        <source>Editorial desk — editor_app</source>
        <translation>Bàn biên tập — editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="116" />
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="143" />
        <source>Officials directory…</source>
        <translation>Danh bạ lãnh đạo…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="159" />
        <source>All sections</source>
        <translation>Mọi chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="197" />
        <source>{n} results for “{q}”</source>
        <translation>{n} kết quả cho “{q}”</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="201" />
        <source>{n} stories</source>
        <translation>{n} bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="275" />
        <source>Story duplicated</source>
        <translation>Đã nhân bản bài viết</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="287" />
        <source>Revision {n} saved</source>
        <translation>Đã lưu phiên bản {n}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="298" />
        <source>Moved to trash: {h}</source>
        <translation>Đã chuyển vào thùng rác: {h}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="316" />
        <source>Delete for good?</source>
        <translation>Xóa vĩnh viễn?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="317" />
        <source>“{h}” and its photos will be deleted for good. This cannot be undone.</source>
        <translation>“{h}” và ảnh của bài sẽ bị xóa vĩnh viễn. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="318" />
        <location filename="../../src/editor_app/gui/main_window.py" line="357" />
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="361" />
        <source>(none yet)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="375" />
        <source>The language changes fully after a restart.</source>
        <translation>Ngôn ngữ sẽ đổi hoàn toàn sau khi khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="378" />
        <source>editor_app</source>
        <translation>editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="386" />
        <source>Recovered after an unexpected stop</source>
        <translation>Đã khôi phục sau khi ứng dụng bị đóng đột ngột</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="388" />
        <source>editor_app was closed unexpectedly last time. Everything typed up to the last autosave was kept. Recovered {n} stories:

{names}</source>
        <translation>Lần trước editor_app bị đóng đột ngột. Mọi chữ đã gõ đến lần tự động lưu cuối cùng đều được giữ. Đã khôi phục {n} bài:

{names}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="9" />
        <source>Editorial desk</source>
        <translation>Bàn biên tập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="30" />
        <source>Search stories (diacritics optional)…</source>
        <translation>Tìm bài (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="39" />
        <source>Show stories with this status</source>
        <translation>Chỉ hiện bài có trạng thái này</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="44" />
        <source>Show stories of this section</source>
        <translation>Chỉ hiện bài thuộc chuyên mục này</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="74" />
        <source>Choose a story on the left, or start a new one with Ctrl+N.</source>
        <translation>Chọn một bài ở danh sách bên trái, hoặc viết bài mới bằng Ctrl+N.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="90" />
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="96" />
        <source>Headline (60–100 characters)</source>
        <translation>Tiêu đề (60–100 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="106" />
        <source>Sapo (lead)</source>
        <translation>Sapo (đoạn dẫn)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="114" />
        <source>The lead paragraph, shown in bold (150–300 characters)</source>
        <translation>Đoạn dẫn, hiển thị in đậm (150–300 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="124" />
        <source>Body (Markdown)</source>
        <translation>Nội dung (Markdown)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="146" />
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="155" />
        <source>Keywords (comma-separated)</source>
        <translation>Từ khóa (cách nhau bởi dấu phẩy)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="164" />
        <source>Byline</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="173" />
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="182" />
        <source>Event date</source>
        <translation>Ngày sự kiện</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="188" />
        <source>d/M/yyyy</source>
        <translation>d/M/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="206" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="208" />
        <source>New in section</source>
        <translation>Bài mới theo chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="211" />
        <source>Recent stories</source>
        <translation>Bài gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="229" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="234" />
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="236" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="248" />
        <source>&amp;New story</source>
        <translation>Bài &amp;mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="249" />
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="252" />
        <source>D&amp;uplicate story</source>
        <translation>&amp;Nhân bản bài</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="255" />
        <source>&amp;Save a revision</source>
        <translation>&amp;Lưu phiên bản</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="256" />
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="259" />
        <source>Move to &amp;trash</source>
        <translation>Chuyển vào &amp;thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="260" />
        <source>Ctrl+Del</source>
        <translation>Ctrl+Del</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="263" />
        <source>&amp;Restore from trash</source>
        <translation>&amp;Khôi phục từ thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="266" />
        <source>Delete for good…</source>
        <translation>Xóa vĩnh viễn…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="270" />
        <source>Show trash</source>
        <translation>Xem thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="273" />
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="274" />
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="277" />
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="278" />
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="281" />
        <source>Find and &amp;replace…</source>
        <translation>Tìm và &amp;thay thế…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="282" />
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="318" />
        <source>Merge duplicates</source>
        <translation>Gộp hai bản trùng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="323" />
        <source>Keep one record. The other one's stories are tagged with the kept one, its name and aliases become aliases, its other titles are added; then it is deleted.</source>
        <translation>Giữ lại một bản. Các bài gắn thẻ bản kia được chuyển sang bản giữ lại; tên và tên khác của bản kia thành tên khác, các chức danh chưa có được thêm vào; sau đó bản kia bị xóa.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="332" />
        <source>Keep {name}</source>
        <translation>Giữ {name}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="333" />
        <source>{n} stories</source>
        <translation>{n} bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="345" />
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
</context>
<context>
    <name>OfficialDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="125" />
        <source>Edit official</source>
        <translation>Sửa thông tin người</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="125" />
        <source>Add official</source>
        <translation>Thêm người vào danh bạ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="128" />
        <source>e.g. Tỉnh ủy Lào Cai</source>
        <translation>ví dụ: Tỉnh ủy Lào Cai</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="130" />
        <source>Other names to detect, one a line</source>
        <translation>Các tên khác cần nhận ra, mỗi dòng một tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="134" />
        <source>Retired (hidden from pickers)</source>
        <translation>Đã nghỉ (không hiện khi chọn người)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="141" />
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="142" />
        <source>Organisation</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="143" />
        <source>Aliases</source>
        <translation>Tên khác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="144" />
        <source>Titles</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="145" />
        <source>In the order they are written; dates as 15/10/2020, empty: open.</source>
        <translation>Theo thứ tự viết trong bài; ngày dạng 15/10/2020, để trống: không giới hạn.</translation>
    </message>
</context>
<context>
    <name>OfficialFilter</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/story_filters.py" line="30" />
        <source>Show stories tagged with this official</source>
        <translation>Lọc bài được gắn thẻ người này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/story_filters.py" line="39" />
        <source>All officials</source>
        <translation>Mọi người</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/story_filters.py" line="41" />
        <source> (retired)</source>
        <translation> (đã nghỉ)</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="183" />
        <location filename="../../src/editor_app/gui/photos/panel.py" line="539" />
        <location filename="../../src/editor_app/gui/photos/panel.py" line="630" />
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="210" />
        <source>Add photos…</source>
        <translation>Thêm ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="213" />
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="216" />
        <source>Insert in body</source>
        <translation>Chèn vào bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="218" />
        <source>Inserts the photo at the cursor in the body</source>
        <translation>Chèn ảnh vào thân bài, tại vị trí con trỏ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="225" />
        <source>Drag to reorder; drop photo files here to add them</source>
        <translation>Kéo để sắp xếp lại; thả tệp ảnh vào đây để thêm</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="231" />
        <source>No photos yet: add some or drop files here.</source>
        <translation>Chưa có ảnh: hãy thêm ảnh hoặc thả tệp vào đây.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="244" />
        <source>What the photo shows, where, when</source>
        <translation>Ảnh cho thấy gì, ở đâu, khi nào</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="247" />
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="250" />
        <source>Photo: Nguyen Van A</source>
        <translation>Ảnh: Nguyễn Văn A</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="251" />
        <source>Credit</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="254" />
        <source>For readers who cannot see the photo</source>
        <translation>Mô tả cho người đọc không xem được ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="255" />
        <source>Alt text</source>
        <translation>Mô tả ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="256" />
        <source>Featured photo</source>
        <translation>Ảnh đại diện</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="258" />
        <source>The story's main photo (one per story)</source>
        <translation>Ảnh chính của bài (mỗi bài một ảnh)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="269" />
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="271" />
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="160" />
        <location filename="../../src/editor_app/gui/photos/panel.py" line="273" />
        <source>Remove photo</source>
        <translation>Xóa ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="281" />
        <source>Paste photo</source>
        <translation>Dán ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="351" />
        <source>caption</source>
        <translation>chú thích</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="352" />
        <source>credit</source>
        <translation>tác giả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="353" />
        <source>alt text</source>
        <translation>mô tả ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="362" />
        <source>Missing: %1</source>
        <translation>Còn thiếu: %1</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="501" />
        <source>Add photos</source>
        <translation>Thêm ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="503" />
        <source>Photos (%1);;All files (*)</source>
        <translation>Ảnh (%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="520" />
        <source>The clipboard holds no photo.</source>
        <translation>Bộ nhớ tạm không có ảnh nào.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="537" />
        <source>Adding photos…</source>
        <translation>Đang thêm ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="537" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="548" />
        <source>Adding %1…</source>
        <translation>Đang thêm %1…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="586" />
        <source>These files were not added:</source>
        <translation>Các tệp sau không được thêm:</translation>
    </message>
</context>
<context>
    <name>PreviewDock</name>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="71" />
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="101" />
        <source>Desktop</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="102" />
        <source>Show the page at the width of this panel</source>
        <translation>Hiện trang theo bề rộng của khung này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="103" />
        <source>Mobile (390 px)</source>
        <translation>Điện thoại (390 px)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="104" />
        <source>Show the page as a phone 390 pixels wide does</source>
        <translation>Hiện trang như trên điện thoại rộng 390 điểm ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="110" />
        <source>Export…</source>
        <translation>Xuất bản…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="111" />
        <source>Write the story's web page, photos and ninjs</source>
        <translation>Ghi trang web, ảnh và tệp ninjs của bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="222" />
        <source>Preview not updated: {error}</source>
        <translation>Chưa cập nhật được bản xem trước: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="228" />
        <source>The preview could not be shown.</source>
        <translation>Không hiển thị được bản xem trước.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="243" />
        <source>Export the story to a folder</source>
        <translation>Xuất bài vào thư mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="254" />
        <source>Exporting…</source>
        <translation>Đang xuất bài…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="254" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="255" />
        <location filename="../../src/editor_app/gui/preview/dock.py" line="294" />
        <location filename="../../src/editor_app/gui/preview/dock.py" line="299" />
        <location filename="../../src/editor_app/gui/preview/dock.py" line="309" />
        <location filename="../../src/editor_app/gui/preview/dock.py" line="325" />
        <source>Export</source>
        <translation>Xuất bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="292" />
        <source>Export cancelled.</source>
        <translation>Đã hủy xuất bài.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="300" />
        <source>Unexpected error: {error}</source>
        <translation>Lỗi không mong đợi: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="306" />
        <source>Exported to {path}</source>
        <translation>Đã xuất vào {path}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="310" />
        <source>The story was exported to:
{path}</source>
        <translation>Bài đã được xuất vào:
{path}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="314" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="326" />
        <source>The story is not ready to publish:</source>
        <translation>Bài chưa sẵn sàng để đăng:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="331" />
        <source>Export anyway…</source>
        <translation>Vẫn xuất…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="338" />
        <source>Export anyway</source>
        <translation>Vẫn xuất bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="339" />
        <source>Why is it exported before the checklist is complete?</source>
        <translation>Vì sao xuất bài khi danh sách kiểm tra chưa đạt?</translation>
    </message>
</context>
<context>
    <name>SecondarySections</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/secondary_sections.py" line="37" />
        <source>The primary section of this story</source>
        <translation>Chuyên mục chính của bài</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="130" />
        <source>Draft</source>
        <translation>Nháp</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="131" />
        <source>Submitted</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="132" />
        <source>Editing</source>
        <translation>Đang biên tập</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="133" />
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="134" />
        <source>Published</source>
        <translation>Đã xuất bản</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="135" />
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
</context>
<context>
    <name>StoryListModel</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="95" />
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="96" />
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="97" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="98" />
        <source>Last change</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list.py" line="116" />
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="17" />
        <source>photo caption</source>
        <translation>chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="19" />
        <source>headline</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="20" />
        <source>sapo</source>
        <translation>sapo</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="21" />
        <source>body</source>
        <translation>thân bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="28" />
        <source>Outdated title</source>
        <translation>Chức danh cũ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="29" />
        <source>Unknown title</source>
        <translation>Chức danh không đúng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="30" />
        <source>Incomplete title</source>
        <translation>Chức danh viết thiếu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="31" />
        <source>Still holds this title</source>
        <translation>Vẫn đang giữ chức</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="34" />
        <source>Misspelt name</source>
        <translation>Tên viết sai</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="66" />
        <source>Officials and tags</source>
        <translation>Lãnh đạo và thẻ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="97" />
        <source>Officials in this story</source>
        <translation>Người được gắn thẻ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="99" />
        <source>No official tagged yet.</source>
        <translation>Chưa gắn thẻ người nào.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="103" />
        <source>Add an official: type a name…</source>
        <translation>Thêm người: gõ tên…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="118" />
        <source>Named in the text</source>
        <translation>Có tên trong bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="120" />
        <source>No other official of the directory is named.</source>
        <translation>Bài không nhắc thêm người nào trong danh bạ.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="122" />
        <source>Tag all</source>
        <translation>Gắn thẻ tất cả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="125" />
        <source>Tags every official found (namesakes need a choice: tag them one by one)</source>
        <translation>Gắn thẻ mọi người tìm thấy (người trùng tên cần chọn: gắn từng người)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="130" />
        <source>Title check</source>
        <translation>Kiểm tra chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="132" />
        <source>Titles and names agree with the directory.</source>
        <translation>Chức danh và tên khớp với danh bạ.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="140" />
        <source>Secondary sections</source>
        <translation>Chuyên mục phụ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="217" />
        <source>The check failed: {error}</source>
        <translation>Không kiểm tra được: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="230" />
        <source>no title on this date</source>
        <translation>không giữ chức nào vào ngày này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="233" />
        <source>Remove this tag</source>
        <translation>Bỏ thẻ này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="237" />
        <source>in {where}</source>
        <translation>trong {where}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="247" />
        <source>Tag</source>
        <translation>Gắn thẻ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="249" />
        <source>Tag this story with {name}</source>
        <translation>Gắn thẻ {name} cho bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="254" />
        <source>show</source>
        <translation>xem</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="267" />
        <source>Fix</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="269" />
        <source>Write the directory's wording instead (can be undone)</source>
        <translation>Thay bằng cách ghi trong danh bạ (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="275" />
        <source>Problems: {n} · checked in {ms} ms</source>
        <translation>Lỗi: {n} · kiểm tra trong {ms} ms</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="337" />
        <source>The text has changed since the check: checking again.</source>
        <translation>Nội dung đã đổi sau lần kiểm tra: đang kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="400" />
        <source>No match in the directory</source>
        <translation>Không có trong danh bạ</translation>
    </message>
</context>
<context>
    <name>TitleTable</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="45" />
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="45" />
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="45" />
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="48" />
        <source>A date such as 15/10/2020; empty: open</source>
        <translation>Ngày dạng 15/10/2020; để trống: không giới hạn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="60" />
        <source>Add title</source>
        <translation>Thêm chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="61" />
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="62" />
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="63" />
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
</context>
</TS>