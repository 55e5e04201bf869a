<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/editor_app/app.py" line="63" />
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/app.py" line="64" />
        <source>Something went wrong: {error}

Details were written to {log}</source>
        <translation>Đã xảy ra lỗi: {error}

Chi tiết được ghi vào {log}</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="93" />
        <source>— choose a section —</source>
        <translation>— chọn chuyên mục —</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="149" />
        <source>Unsaved changes…</source>
        <translation>Có thay đổi chưa lưu…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="183" />
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="187" />
        <source>Not saved: {error} — will retry</source>
        <translation>Chưa lưu được: {error} — sẽ thử lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="193" />
        <source>{low}–{high} characters</source>
        <translation>{low}–{high} ký tự</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="195" />
        <source>{n} characters — short (aim for {low}–{high})</source>
        <translation>{n} ký tự — ngắn (nên {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="200" />
        <source>{n} characters — long (aim for {low}–{high})</source>
        <translation>{n} ký tự — dài (nên {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="205" />
        <source>{n} characters</source>
        <translation>{n} ký tự</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="221" />
        <source>{words} words · {chars} characters ({nospace} without spaces) · {minutes} min read</source>
        <translation>{words} từ · {chars} ký tự ({nospace} không kể dấu cách) · {minutes} phút đọc</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="40" />
        <source>Editorial desk — editor_app</source>
        <translation>Bàn biên tập — editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="77" />
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="116" />
        <source>All sections</source>
        <translation>Mọi chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="152" />
        <source>{n} results for “{q}”</source>
        <translation>{n} kết quả cho “{q}”</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="156" />
        <source>{n} stories</source>
        <translation>{n} bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="222" />
        <source>Story duplicated</source>
        <translation>Đã nhân bản bài viết</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="234" />
        <source>Revision {n} saved</source>
        <translation>Đã lưu phiên bản {n}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="245" />
        <source>Moved to trash: {h}</source>
        <translation>Đã chuyển vào thùng rác: {h}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="263" />
        <source>Delete for good?</source>
        <translation>Xóa vĩnh viễn?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="264" />
        <source>“{h}” and its photos will be deleted for good. This cannot be undone.</source>
        <translation>“{h}” và ảnh của bài sẽ bị xóa vĩnh viễn. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="265" />
        <location filename="../../src/editor_app/gui/main_window.py" line="299" />
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="303" />
        <source>(none yet)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="317" />
        <source>The language changes fully after a restart.</source>
        <translation>Ngôn ngữ sẽ đổi hoàn toàn sau khi khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="320" />
        <source>editor_app</source>
        <translation>editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="328" />
        <source>Recovered after an unexpected stop</source>
        <translation>Đã khôi phục sau khi ứng dụng bị đóng đột ngột</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="330" />
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
</TS>