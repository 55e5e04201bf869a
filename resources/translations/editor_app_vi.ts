<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="77"/>
        <source>About editor_app</source>
        <translation>Giới thiệu editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="88"/>
        <source>An editorial workstation: draft, review and export news articles.</source>
        <translation>Bàn biên tập: soạn, duyệt và xuất bản bài viết.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="104"/>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="106"/>
        <source>Copy this information, to send it to IT</source>
        <translation>Sao chép các thông tin này để gửi cho bộ phận IT</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="109"/>
        <source>Open log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="123"/>
        <source>none (built-in defaults)</source>
        <extracomment>How a folder is opened (the system&apos;s file manager); tests replace it.</extracomment>
        <translation>không có (dùng giá trị mặc định)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="125"/>
        <source>{path} — has errors, built-in defaults in use</source>
        <translation>{path} — có lỗi, đang dùng giá trị mặc định</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="131"/>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="132"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="133"/>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="134"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="135"/>
        <source>System</source>
        <translation>Hệ điều hành</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="138"/>
        <source>Outlet</source>
        <translation>Tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="140"/>
        <source>Site configuration</source>
        <translation>Cấu hình site</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="142"/>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="143"/>
        <source>(not open)</source>
        <translation>(chưa mở)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="145"/>
        <source>Log folder</source>
        <translation>Thư mục nhật ký</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/about_dialog.py" line="157"/>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="200"/>
        <source>editor_app cannot start</source>
        <translation>editor_app không khởi động được</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="201"/>
        <source>editor_app could not start: {error}</source>
        <translation>editor_app không khởi động được: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="205"/>
        <source>The details were written to {log}</source>
        <translation>Chi tiết đã được ghi vào {log}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="209"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="171"/>
        <source>— choose a section —</source>
        <translation>— chọn chuyên mục —</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="258"/>
        <source>Unsaved changes…</source>
        <translation>Có thay đổi chưa lưu…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="276"/>
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="285"/>
        <source>Not saved: {error} — will retry</source>
        <translation>Chưa lưu được: {error} — sẽ thử lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="291"/>
        <source>{low}–{high} characters</source>
        <translation>{low}–{high} ký tự</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="293"/>
        <source>{n} characters — short (aim for {low}–{high})</source>
        <translation>{n} ký tự — ngắn (nên {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="298"/>
        <source>{n} characters — long (aim for {low}–{high})</source>
        <translation>{n} ký tự — dài (nên {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="303"/>
        <source>{n} characters</source>
        <translation>{n} ký tự</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/article_editor.py" line="319"/>
        <source>{words} words · {chars} characters ({nospace} without spaces) · {minutes} min read</source>
        <translation>{words} từ · {chars} ký tự ({nospace} không kể dấu cách) · {minutes} phút đọc</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <location filename="../../src/editor_app/gui/editor/spell_highlight.py" line="93"/>
        <source>No suggestions</source>
        <translation>Không có gợi ý</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/spell_highlight.py" line="96"/>
        <source>Add to dictionary</source>
        <translation>Thêm vào từ điển</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/spell_highlight.py" line="98"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/word_marks.py" line="146"/>
        <source>The outlet writes “{example}”</source>
        <translation>Tòa soạn viết “{example}”</translation>
    </message>
</context>
<context>
    <name>BylineList</name>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="43"/>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="44"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="47"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="49"/>
        <source>Text</source>
        <translation>Bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="50"/>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="51"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="52"/>
        <source>Team</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="61"/>
        <source>Move up (Ctrl+Up)</source>
        <translation>Chuyển lên (Ctrl+↑)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="62"/>
        <source>Move down (Ctrl+Down)</source>
        <translation>Chuyển xuống (Ctrl+↓)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="63"/>
        <source>Remove (Ctrl+Delete)</source>
        <translation>Bỏ người này (Ctrl+Delete)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="134"/>
        <source>Add a person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/byline_list.py" line="256"/>
        <source>On the page: %1</source>
        <translation>Trên trang: %1</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="48"/>
        <source>Checklist</source>
        <translation>Kiểm tra trước khi đăng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="76"/>
        <source>Nothing to fix: the story passes the checklist.</source>
        <translation>Không có gì phải sửa: bài đã qua danh sách kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="122"/>
        <source>The check failed: {error}</source>
        <translation>Không kiểm tra được: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="132"/>
        <source>show</source>
        <translation>xem</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="147"/>
        <source>Fix</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="169"/>
        <source>Make this change in the text (can be undone)</source>
        <translation>Sửa ngay trong bài (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="157"/>
        <source>{n} items to fix before the story is published.</source>
        <translation>{n} mục cần sửa trước khi đăng bài.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="139"/>
        <source>{label} (warning)</source>
        <translation>{label} (cảnh báo)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="159"/>
        <source>Ready as far as the checklist goes.</source>
        <translation>Sẵn sàng: bài đã qua danh sách kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="161"/>
        <source>{n} warnings (they do not stop publication).</source>
        <translation>{n} cảnh báo (không ngăn việc đăng bài).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="167"/>
        <source>Make this change in the text (can be undone); the arrow offers the other readings</source>
        <translation>Sửa ngay trong bài (có thể hoàn tác); mũi tên bên cạnh đưa ra các cách viết khác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="174"/>
        <source>Site not configured</source>
        <translation>Chưa cấu hình trang báo</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="175"/>
        <source>Tag typed as text</source>
        <translation>Thẻ HTML gõ như chữ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="176"/>
        <source>More tags typed as text</source>
        <translation>Còn thẻ HTML khác gõ như chữ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="177"/>
        <source>Link leads nowhere</source>
        <translation>Liên kết không dẫn tới đâu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="178"/>
        <source>More links that lead nowhere</source>
        <translation>Còn liên kết hỏng khác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="179"/>
        <source>No byline</source>
        <translation>Chưa có tác giả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="180"/>
        <source>Headline too long</source>
        <translation>Tiêu đề quá dài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="181"/>
        <source>Headline too short</source>
        <translation>Tiêu đề quá ngắn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="182"/>
        <source>Sapo too long</source>
        <translation>Sapo quá dài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="183"/>
        <source>Sapo too short</source>
        <translation>Sapo quá ngắn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="184"/>
        <source>Commonly confused word</source>
        <translation>Từ hay viết nhầm</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="185"/>
        <source>More commonly confused words</source>
        <translation>Còn từ hay viết nhầm khác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="186"/>
        <source>Tone marks not in the house style</source>
        <translation>Đặt dấu khác kiểu tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="191"/>
        <source>Missing</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/checklist/panel.py" line="237"/>
        <source>The text has changed since the check: checking again.</source>
        <translation>Nội dung đã đổi sau lần kiểm tra: đang kiểm tra lại.</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="58"/>
        <source>Comments</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="79"/>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="337"/>
        <source>Add comment…</source>
        <translation>Thêm nhận xét…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="104"/>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="272"/>
        <source>Add comment</source>
        <translation>Thêm nhận xét</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="107"/>
        <source>Comments on the text selected in the headline, sapo, body or a caption</source>
        <translation>Nhận xét về đoạn chữ đang chọn ở tiêu đề, sa pô, nội dung hoặc chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="110"/>
        <source>Show resolved</source>
        <translation>Hiện nhận xét đã xử lý</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="219"/>
        <source>No comments yet. Select a passage and press Ctrl+Alt+M (or right-click › Add comment…).</source>
        <translation>Chưa có nhận xét. Hãy chọn một đoạn chữ rồi bấm Ctrl+Alt+M (hoặc bấm chuột phải › Thêm nhận xét…).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="223"/>
        <source>{open} open</source>
        <translation>{open} chưa xử lý</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="225"/>
        <source>{n} resolved hidden</source>
        <translation>{n} đã xử lý (đang ẩn)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comment_passages.py" line="84"/>
        <source>The passage of this comment is no longer in the story.</source>
        <translation>Đoạn chữ của nhận xét này không còn trong bài.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="251"/>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="261"/>
        <source>Select a passage of the headline, sapo, body or a caption first.</source>
        <translation>Hãy chọn trước một đoạn chữ ở tiêu đề, sa pô, nội dung hoặc chú thích ảnh.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/comments_panel.py" line="273"/>
        <source>Your comment on “{quote}”:</source>
        <translation>Nhận xét của bạn về “{quote}”:</translation>
    </message>
</context>
<context>
    <name>ConflictBox</name>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="57"/>
        <source>Mine</source>
        <translation>Bản của tôi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="57"/>
        <source>Received</source>
        <translation>Bản nhận được</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="72"/>
        <source>Keep mine</source>
        <translation>Giữ bản của tôi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="75"/>
        <source>Take the received one</source>
        <translation>Lấy bản nhận được</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="94"/>
        <source>Conflicts to settle</source>
        <translation>Xung đột cần xử lý</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="102"/>
        <source>These fields were changed both here and on another desk (in a package received, or through the newsroom server). Both versions are kept in the history; choose which one the story keeps.</source>
        <translation>Các mục này đã bị sửa cả ở đây lẫn ở một máy khác (trong gói bài nhận được, hoặc qua máy chủ tòa soạn). Cả hai bản đều được giữ trong lịch sử; hãy chọn bản mà bài sẽ dùng.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="144"/>
        <source>No conflict left to settle.</source>
        <translation>Không còn xung đột nào cần xử lý.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/conflicts.py" line="161"/>
        <source>All conflicts are settled.</source>
        <translation>Đã xử lý xong mọi xung đột.</translation>
    </message>
</context>
<context>
    <name>DirectoryDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="56"/>
        <source>Officials directory</source>
        <translation>Danh bạ lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="63"/>
        <source>Search names, titles, organisations (diacritics optional)…</source>
        <translation>Tìm theo tên, chức danh, cơ quan (không cần dấu)…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="66"/>
        <source>Show retired</source>
        <translation>Hiện người đã nghỉ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="74"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="75"/>
        <source>Current titles</source>
        <translation>Chức danh hiện nay</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="76"/>
        <source>Organisation</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="77"/>
        <source>Stories</source>
        <translation>Số bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="90"/>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="91"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="92"/>
        <source>Merge…</source>
        <translation>Gộp…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="93"/>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="204"/>
        <source>Retire</source>
        <translation>Cho nghỉ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="94"/>
        <source>Show stories</source>
        <translation>Xem các bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="95"/>
        <source>Filter the story list by this official</source>
        <translation>Lọc danh sách bài theo người này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="96"/>
        <source>Import CSV…</source>
        <translation>Nhập CSV…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="97"/>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="152"/>
        <source> (retired)</source>
        <translation> (đã nghỉ)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="161"/>
        <source>Also: {names}</source>
        <translation>Tên khác: {names}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="173"/>
        <source>{shown} of {total} officials</source>
        <translation>{shown}/{total} người</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="204"/>
        <source>Reinstate</source>
        <translation>Cho làm lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="259"/>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="269"/>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="280"/>
        <source>Import the directory</source>
        <translation>Nhập danh bạ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="259"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Tệp CSV (*.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="272"/>
        <source>{added} added, {updated} updated.</source>
        <translation>Đã thêm {added}, cập nhật {updated} người.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="283"/>
        <source>{n} rows were not imported:</source>
        <translation>{n} dòng không nhập được:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="296"/>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="305"/>
        <source>Export the directory</source>
        <translation>Xuất danh bạ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="296"/>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="307"/>
        <source>{n} officials written to {path}</source>
        <translation>Đã ghi {n} người vào {path}</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="81"/>
        <source>editor_app</source>
        <extracomment>How the log folder is opened (the system&apos;s file manager); tests replace it.</extracomment>
        <translation>editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="98"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="99"/>
        <source>Something went wrong: {error}</source>
        <translation>Đã xảy ra lỗi: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="111"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="114"/>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="115"/>
        <source>Open log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="128"/>
        <source>The app keeps running and your stories are autosaved; if something looks wrong, restart it. The details were written to the log:
{log}</source>
        <translation>Ứng dụng vẫn chạy và bài của bạn đã được tự động lưu; nếu thấy có gì bất thường, hãy khởi động lại. Chi tiết đã được ghi vào nhật ký:
{log}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/error_dialog.py" line="132"/>
        <source>{n} more errors since, in the same log.</source>
        <translation>Sau đó còn {n} lỗi nữa, cũng được ghi trong nhật ký này.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="69"/>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="74"/>
        <source>Replace with</source>
        <translation>Thay bằng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="78"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Kết quả trước (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="82"/>
        <source>Next match (Enter)</source>
        <translation>Kết quả sau (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="86"/>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="91"/>
        <source>Match case</source>
        <translation>Phân biệt hoa thường</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="96"/>
        <source>Whole words</source>
        <translation>Nguyên từ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="97"/>
        <source>Replace</source>
        <translation>Thay</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="98"/>
        <source>Replace all</source>
        <translation>Thay tất cả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="282"/>
        <source>{count} replaced</source>
        <translation>Đã thay {count}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="89"/>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="320"/>
        <source>No matches</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="91"/>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="93"/>
        <source>No marks</source>
        <translation>Không dấu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="93"/>
        <source>Ignore diacritics and đ: “duong” finds “Dương”</source>
        <translation>Bỏ qua dấu và đ: “duong” tìm được “Dương”</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="96"/>
        <source>Word</source>
        <translation>Nguyên từ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/find_bar.py" line="325"/>
        <source>{current}/{total}</source>
        <translation>{current}/{total}</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="165"/>
        <source>Who are you?</source>
        <translation>Bạn là ai?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="168"/>
        <source>editor_app needs your name and role before you start: they are recorded with every revision, comment and status change.</source>
        <translation>editor_app cần biết tên và vai trò của bạn trước khi bắt đầu: chúng được ghi kèm mỗi phiên bản, nhận xét và lần đổi trạng thái.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="173"/>
        <source>Enter my name</source>
        <translation>Nhập tên của tôi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="175"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>Handoff</name>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="76"/>
        <source>Send to the editors: choose the folder for the file</source>
        <translation>Gửi ban biên tập: chọn thư mục để ghi tệp</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="102"/>
        <source>Writing the story&apos;s package…</source>
        <translation>Đang ghi gói bài…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="92"/>
        <source>Story package written</source>
        <translation>Đã ghi gói bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="94"/>
        <source>The story, its versions, comments and photos are in:

{path}

Hand this file to the editors (USB stick, e-mail or a shared folder).</source>
        <translation>Bài, các phiên bản, nhận xét và ảnh của bài nằm trong:

{path}

Hãy chuyển tệp này cho ban biên tập (bằng USB, thư điện tử hoặc thư mục dùng chung).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="105"/>
        <source>The package was not written</source>
        <translation>Không ghi được gói bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="120"/>
        <source>Import a story</source>
        <translation>Nhập bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="122"/>
        <source>Story packages (*.story.zip);;All files (*)</source>
        <translation>Gói bài (*.story.zip);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="133"/>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="136"/>
        <source>The package was refused</source>
        <translation>Gói bài bị từ chối</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="147"/>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="149"/>
        <source>A new story was imported: “{h}”.</source>
        <translation>Đã nhập bài mới: “{h}”.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="151"/>
        <source>The changes received were merged into “{h}”.</source>
        <translation>Các thay đổi nhận được đã được gộp vào “{h}”.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="154"/>
        <source>“{h}”: {n} fields were changed on both sides. Both versions are kept; choose which to keep (Review › Conflicts…).</source>
        <translation>“{h}”: {n} mục bị sửa ở cả hai phía. Cả hai bản đều được giữ; hãy chọn bản sẽ dùng (Duyệt bài › Xung đột…).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="161"/>
        <source>Story imported</source>
        <translation>Đã nhập bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/handoff.py" line="165"/>
        <source>Settle now…</source>
        <translation>Xử lý ngay…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="100"/>
        <source>Version history</source>
        <translation>Lịch sử phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="119"/>
        <source>Versions, newest first</source>
        <translation>Các phiên bản, mới nhất trước</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="123"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="123"/>
        <source>Who</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="123"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="123"/>
        <source>Why</source>
        <translation>Lý do lưu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="123"/>
        <source>Reason</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="141"/>
        <source>Compare with:</source>
        <translation>So sánh với:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="158"/>
        <source>Restore this version</source>
        <translation>Khôi phục bản này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="161"/>
        <source>Makes the selected version the current one, as a new version</source>
        <translation>Dùng lại phiên bản đang chọn làm bản hiện tại, thành một phiên bản mới</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="196"/>
        <source>The current state</source>
        <translation>Bản hiện tại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="207"/>
        <source>No version saved yet: press Ctrl+S to save one.</source>
        <translation>Chưa lưu phiên bản nào: bấm Ctrl+S để lưu.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="231"/>
        <source>This story is read-only for you.</source>
        <translation>Bạn chỉ được xem bài này, không được sửa.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="250"/>
        <source>The same version is chosen twice.</source>
        <translation>Hai bên đang chọn cùng một phiên bản.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="259"/>
        <source>From {old} (red: removed) to {new} (green: added)</source>
        <translation>Từ {old} (đỏ: bị bỏ) đến {new} (xanh: thêm vào)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="263"/>
        <source>Comparing…</source>
        <translation>Đang so sánh…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="269"/>
        <source>the current state</source>
        <translation>bản hiện tại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="294"/>
        <source>No differences between these two versions.</source>
        <translation>Hai phiên bản này giống hệt nhau.</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="40"/>
        <source>Who are you?</source>
        <translation>Bạn là ai?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="44"/>
        <source>Welcome. Your name and role are recorded with every revision, comment and status change, so colleagues know who did what.</source>
        <translation>Xin chào. Tên và vai trò của bạn được ghi kèm mỗi phiên bản, nhận xét và lần đổi trạng thái, để đồng nghiệp biết ai đã làm gì.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="48"/>
        <source>Your name and role are recorded with what you do from now on.</source>
        <translation>Từ giờ, tên và vai trò của bạn được ghi kèm những gì bạn làm.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="56"/>
        <source>e.g. Nguyễn Thu Hà</source>
        <translation>ví dụ: Nguyễn Thu Hà</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="57"/>
        <source>Your name</source>
        <translation>Tên của bạn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="58"/>
        <source>Reporter</source>
        <translation>Phóng viên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="60"/>
        <source>Editor</source>
        <translation>Biên tập viên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/identity_dialog.py" line="68"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
</context>
<context>
    <name>Imports</name>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="66"/>
        <source>Import a text article…</source>
        <translation>Nhập bài từ tệp văn bản…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="69"/>
        <source>A .txt or .md article laid out like a published page, with its photos</source>
        <translation>Bài dạng .txt hoặc .md trình bày như trang bài đã đăng, kèm ảnh của bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="72"/>
        <source>Import sections…</source>
        <translation>Nhập danh sách chuyên mục…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="75"/>
        <source>The outlet&apos;s list of sections: one a line, “/” before a subsection</source>
        <translation>Danh sách chuyên mục của tòa soạn: mỗi dòng một mục, “/” trước mục con</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="110"/>
        <source>Nothing was imported or changed.</source>
        <translation>Không có gì được nhập hay thay đổi.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="124"/>
        <location filename="../../src/editor_app/gui/imports.py" line="155"/>
        <source>Import a text article</source>
        <translation>Nhập bài từ tệp văn bản</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="126"/>
        <source>Text articles (*.txt *.md);;All files (*)</source>
        <translation>Bài dạng văn bản (*.txt *.md);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="138"/>
        <location filename="../../src/editor_app/gui/imports.py" line="146"/>
        <location filename="../../src/editor_app/gui/imports.py" line="163"/>
        <source>The article was not imported</source>
        <translation>Chưa nhập được bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="154"/>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="158"/>
        <source>Copying the photo {name}…</source>
        <translation>Đang chép ảnh {name}…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="170"/>
        <source>The article names {n} photos not beside it ({first}…): choose their folder</source>
        <translation>Bài nhắc đến {n} ảnh không nằm cùng thư mục với bài ({first}…): hãy chọn thư mục chứa ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="182"/>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="185"/>
        <source>The article “{h}” was imported with {n} photo(s). It is open for editing.</source>
        <translation>Đã nhập bài “{h}” kèm {n} ảnh. Bài đang mở để biên tập.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="188"/>
        <source>The article “{h}” was imported. It is open for editing.</source>
        <translation>Đã nhập bài “{h}”. Bài đang mở để biên tập.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="191"/>
        <location filename="../../src/editor_app/gui/imports.py" line="192"/>
        <source>Article imported</source>
        <translation>Đã nhập bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="204"/>
        <location filename="../../src/editor_app/gui/imports.py" line="218"/>
        <source>Import sections</source>
        <translation>Nhập danh sách chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="206"/>
        <source>Section lists (*.txt);;All files (*)</source>
        <translation>Danh sách chuyên mục (*.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="220"/>
        <source>The outlet has {n} sections. The list in {name} replaces them (stories keep the section they have).</source>
        <translation>Tòa soạn đang có {n} chuyên mục. Danh sách trong {name} sẽ thay thế chúng (các bài vẫn giữ chuyên mục đã chọn).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="228"/>
        <source>Replace the list</source>
        <translation>Thay danh sách</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="229"/>
        <source>Keep the current list</source>
        <translation>Giữ danh sách hiện có</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="249"/>
        <source>The sections were not imported</source>
        <translation>Chưa nhập được danh sách chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="255"/>
        <source>{n} sections were imported: {top}.</source>
        <translation>Đã nhập {n} chuyên mục: {top}.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/imports.py" line="258"/>
        <location filename="../../src/editor_app/gui/imports.py" line="259"/>
        <source>Sections imported</source>
        <translation>Đã nhập chuyên mục</translation>
    </message>
</context>
<context>
    <name>KeywordFilter</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list/filters.py" line="85"/>
        <source>Show stories with this keyword (diacritics optional)</source>
        <translation>Lọc bài có từ khóa này (không cần dấu)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/filters.py" line="90"/>
        <source>All keywords</source>
        <translation>Mọi từ khóa</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="46"/>
        <source>Editorial desk — editor_app</source>
        <translation>Bàn biên tập — editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="53"/>
        <source>Opening the stories…</source>
        <translation>Đang mở kho bài…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="184"/>
        <source>Officials directory…</source>
        <translation>Danh bạ lãnh đạo…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="197"/>
        <source>Set by IT in the site configuration</source>
        <translation>Do IT đặt trong cấu hình site</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_actions.py" line="47"/>
        <source>Story duplicated</source>
        <translation>Đã nhân bản bài viết</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_actions.py" line="64"/>
        <source>Revision {n} saved</source>
        <translation>Đã lưu phiên bản {n}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_actions.py" line="85"/>
        <source>Moved to trash: {h}</source>
        <translation>Đã chuyển vào thùng rác: {h}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_actions.py" line="112"/>
        <source>Delete for good?</source>
        <translation>Xóa vĩnh viễn?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_actions.py" line="113"/>
        <source>“{h}” and its photos will be deleted for good. This cannot be undone.</source>
        <translation>“{h}” và ảnh của bài sẽ bị xóa vĩnh viễn. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="298"/>
        <location filename="../../src/editor_app/gui/story_actions.py" line="116"/>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="302"/>
        <source>(none yet)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="316"/>
        <source>The language changes fully after a restart.</source>
        <translation>Ngôn ngữ sẽ đổi hoàn toàn sau khi khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="328"/>
        <source>editor_app</source>
        <translation>editor_app</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="336"/>
        <source>Recovered after an unexpected stop</source>
        <translation>Đã khôi phục sau khi ứng dụng bị đóng đột ngột</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/main_window.py" line="338"/>
        <source>editor_app was closed unexpectedly last time. Everything typed up to the last autosave was kept. Recovered {n} stories:

{names}</source>
        <translation>Lần trước editor_app bị đóng đột ngột. Mọi chữ đã gõ đến lần tự động lưu cuối cùng đều được giữ. Đã khôi phục {n} bài:

{names}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="9"/>
        <source>Editorial desk</source>
        <translation>Bàn biên tập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="30"/>
        <source>Search stories (diacritics optional)…</source>
        <translation>Tìm bài (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="39"/>
        <source>Show stories with this status</source>
        <translation>Chỉ hiện bài có trạng thái này</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="44"/>
        <source>Show stories of this section</source>
        <translation>Chỉ hiện bài thuộc chuyên mục này</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="74"/>
        <source>Choose a story on the left, or start a new one with Ctrl+N.</source>
        <translation>Chọn một bài ở danh sách bên trái, hoặc viết bài mới bằng Ctrl+N.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="90"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="96"/>
        <source>Headline (60–100 characters)</source>
        <translation>Tiêu đề (60–100 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="106"/>
        <source>Sapo (lead)</source>
        <translation>Sapo (đoạn dẫn)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="114"/>
        <source>The lead paragraph, shown in bold (150–300 characters)</source>
        <translation>Đoạn dẫn, hiển thị in đậm (150–300 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="124"/>
        <source>Body (Markdown)</source>
        <translation>Nội dung (Markdown)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="139"/>
        <source>Story details</source>
        <translation>Thông tin bài</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="161"/>
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="170"/>
        <source>Keywords (comma-separated)</source>
        <translation>Từ khóa (cách nhau bởi dấu phẩy)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="179"/>
        <source>Byline</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="188"/>
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="197"/>
        <source>Event date</source>
        <translation>Ngày sự kiện</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="219"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="221"/>
        <source>New in section</source>
        <translation>Bài mới theo chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="224"/>
        <source>Recent stories</source>
        <translation>Bài gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="242"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="255"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="262"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="264"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="271"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="282"/>
        <source>&amp;New story</source>
        <translation>Bài &amp;mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="283"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="286"/>
        <source>D&amp;uplicate story</source>
        <translation>&amp;Nhân bản bài</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="289"/>
        <source>&amp;Save a revision</source>
        <translation>&amp;Lưu phiên bản</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="290"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="293"/>
        <source>Move to &amp;trash</source>
        <translation>Chuyển vào &amp;thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="294"/>
        <source>Ctrl+Del</source>
        <translation>Ctrl+Del</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="297"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Khôi phục từ thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="300"/>
        <source>Delete for good…</source>
        <translation>Xóa vĩnh viễn…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="304"/>
        <source>Show trash</source>
        <translation>Xem thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="307"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="308"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="311"/>
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="312"/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="315"/>
        <source>Find and &amp;replace…</source>
        <translation>Tìm và &amp;thay thế…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="316"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="319"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="320"/>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="323"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="324"/>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="327"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="328"/>
        <source>Ctrl+X</source>
        <translation>Ctrl+X</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="331"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="332"/>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="335"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="336"/>
        <source>Ctrl+V</source>
        <translation>Ctrl+V</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="339"/>
        <source>Select &amp;all</source>
        <translation>Chọn &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="340"/>
        <source>Ctrl+A</source>
        <translation>Ctrl+A</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="344"/>
        <source>&amp;Focus on writing</source>
        <translation>&amp;Tập trung viết</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="345"/>
        <source>F11</source>
        <translation>F11</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="348"/>
        <source>&amp;Next pane</source>
        <translation>&amp;Vùng kế tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="349"/>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="352"/>
        <source>&amp;Previous pane</source>
        <translation>Vùng &amp;trước</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="353"/>
        <source>Shift+F6</source>
        <translation>Shift+F6</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="364"/>
        <source>&amp;About editor_app…</source>
        <translation>&amp;Giới thiệu editor_app…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/window_arrangement.py" line="37"/>
        <source>Story list</source>
        <translation>Danh sách bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/window_arrangement.py" line="38"/>
        <source>Story text</source>
        <translation>Nội dung bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/window_arrangement.py" line="44"/>
        <source>Reset the layout</source>
        <translation>Sắp xếp lại như ban đầu</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="317"/>
        <source>Merge duplicates</source>
        <translation>Gộp hai bản trùng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="322"/>
        <source>Keep one record. The other one&apos;s stories are tagged with the kept one, its name and aliases become aliases, its other titles are added; then it is deleted.</source>
        <translation>Giữ lại một bản. Các bài gắn thẻ bản kia được chuyển sang bản giữ lại; tên và tên khác của bản kia thành tên khác, các chức danh chưa có được thêm vào; sau đó bản kia bị xóa.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="331"/>
        <source>Keep {name}</source>
        <translation>Giữ {name}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="332"/>
        <source>{n} stories</source>
        <translation>{n} bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/directory_dialog.py" line="344"/>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
</context>
<context>
    <name>OfficialDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="137"/>
        <source>Edit official</source>
        <translation>Sửa thông tin người</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="137"/>
        <source>Add official</source>
        <translation>Thêm người vào danh bạ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="140"/>
        <source>e.g. Tỉnh ủy Lào Cai</source>
        <translation>ví dụ: Tỉnh ủy Lào Cai</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="142"/>
        <source>Other names to detect, one a line</source>
        <translation>Các tên khác cần nhận ra, mỗi dòng một tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="146"/>
        <source>Retired (hidden from pickers)</source>
        <translation>Đã nghỉ (không hiện khi chọn người)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="153"/>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="154"/>
        <source>Organisation</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="155"/>
        <source>Aliases</source>
        <translation>Tên khác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="156"/>
        <source>Titles</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="157"/>
        <source>In the order they are written; dates as 15/10/2020, empty: open.</source>
        <translation>Theo thứ tự viết trong bài; ngày dạng 15/10/2020, để trống: không giới hạn.</translation>
    </message>
</context>
<context>
    <name>OfficialFilter</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list/filters.py" line="34"/>
        <source>Show stories tagged with this official</source>
        <translation>Lọc bài được gắn thẻ người này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/filters.py" line="43"/>
        <source>All officials</source>
        <translation>Mọi người</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/filters.py" line="45"/>
        <source> (retired)</source>
        <translation> (đã nghỉ)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/filters.py" line="51"/>
        <source>%1 (byline)</source>
        <translation>%1 (tác giả)</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../src/editor_app/gui/ops.py" line="128"/>
        <source>editor_app</source>
        <translation>editor_app</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="72"/>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="73"/>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="369"/>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="124"/>
        <source>Add photos…</source>
        <translation>Thêm ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="127"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="130"/>
        <source>Insert in body</source>
        <translation>Chèn vào bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="132"/>
        <source>Inserts the photo at the cursor in the body</source>
        <translation>Chèn ảnh vào thân bài, tại vị trí con trỏ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="107"/>
        <source>Drag to reorder; drop photo files here to add them</source>
        <translation>Kéo để sắp xếp lại; thả tệp ảnh vào đây để thêm</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="112"/>
        <source>No photos yet: add some or drop files here.</source>
        <translation>Chưa có ảnh: hãy thêm ảnh hoặc thả tệp vào đây.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="150"/>
        <source>What the photo shows, where, when</source>
        <translation>Ảnh cho thấy gì, ở đâu, khi nào</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="153"/>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="156"/>
        <source>Photo: Nguyen Van A</source>
        <translation>Ảnh: Nguyễn Văn A</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="157"/>
        <source>Credit</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="160"/>
        <source>For readers who cannot see the photo</source>
        <translation>Mô tả cho người đọc không xem được ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="161"/>
        <source>Alt text</source>
        <translation>Mô tả ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="162"/>
        <source>Featured photo</source>
        <translation>Ảnh đại diện</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="164"/>
        <source>The story&apos;s main photo (one per story)</source>
        <translation>Ảnh chính của bài (mỗi bài một ảnh)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="178"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="179"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="180"/>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="183"/>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/commands.py" line="25"/>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="188"/>
        <source>Remove photo</source>
        <translation>Xóa ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/panel.py" line="186"/>
        <source>Paste photo</source>
        <translation>Dán ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/fields.py" line="33"/>
        <source>caption</source>
        <translation>chú thích</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/fields.py" line="34"/>
        <source>credit</source>
        <translation>tác giả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/fields.py" line="35"/>
        <source>alt text</source>
        <translation>mô tả ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/fields.py" line="45"/>
        <source>Missing: %1</source>
        <translation>Còn thiếu: %1</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="33"/>
        <source>Add photos</source>
        <translation>Thêm ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="35"/>
        <source>Photos (%1);;All files (*)</source>
        <translation>Ảnh (%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="54"/>
        <source>The clipboard holds no photo.</source>
        <translation>Bộ nhớ tạm không có ảnh nào.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="71"/>
        <source>Adding photos…</source>
        <translation>Đang thêm ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="73"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="76"/>
        <source>Adding %1…</source>
        <translation>Đang thêm %1…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/attach.py" line="105"/>
        <source>These files were not added:</source>
        <translation>Các tệp sau không được thêm:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/focal.py" line="54"/>
        <source>Focal point</source>
        <translation>Điểm chính của ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/focal.py" line="56"/>
        <source>Click the point that matters: every crop keeps it. Arrow keys move it, Home puts it back in the centre.</source>
        <translation>Bấm vào điểm quan trọng nhất của ảnh: mọi khung cắt đều giữ điểm này. Phím mũi tên để di chuyển, phím Home để đưa về giữa ảnh.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/focal.py" line="77"/>
        <source>%1% from the left, %2% from the top</source>
        <translation>cách mép trái %1%, cách mép trên %2%</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/focal.py" line="195"/>
        <source>Move focal point</source>
        <translation>Di chuyển điểm chính</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/focal.py" line="228"/>
        <source>Centre</source>
        <translation>Về giữa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/focal.py" line="232"/>
        <source>Put the focal point back in the centre (Home)</source>
        <translation>Đưa điểm chính về giữa ảnh (Home)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/photos/focal.py" line="238"/>
        <source>Click the point every crop must keep</source>
        <translation>Bấm để chọn điểm chính</translation>
    </message>
</context>
<context>
    <name>PreviewDock</name>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="68"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="117"/>
        <source>Desktop</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="118"/>
        <source>Show the page at the width of this panel</source>
        <translation>Hiện trang theo bề rộng của khung này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="119"/>
        <source>Mobile (390 px)</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="120"/>
        <source>Show the page as a phone 390 pixels wide does</source>
        <translation>Hiện trang như trên điện thoại rộng 390 điểm ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="126"/>
        <source>Export…</source>
        <translation>Xuất bản…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="128"/>
        <source>Write the story&apos;s web page, photos and ninjs</source>
        <translation>Ghi trang web, ảnh và tệp ninjs của bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="297"/>
        <location filename="../../src/editor_app/gui/preview/share_card.py" line="218"/>
        <source>Preview not updated: {error}</source>
        <translation>Chưa cập nhật được bản xem trước: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/dock.py" line="304"/>
        <source>The preview could not be shown.</source>
        <translation>Không hiển thị được bản xem trước.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="37"/>
        <source>Export the story to a folder</source>
        <translation>Xuất bài vào thư mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="89"/>
        <source>Exporting…</source>
        <translation>Đang xuất bài…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="91"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="83"/>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="90"/>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="105"/>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="127"/>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="148"/>
        <source>Export</source>
        <translation>Xuất bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="80"/>
        <source>Export cancelled.</source>
        <translation>Đã hủy xuất bài.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="101"/>
        <source>Exported to {path}</source>
        <translation>Đã xuất vào {path}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="106"/>
        <source>The story was exported to:
{path}</source>
        <translation>Bài đã được xuất vào:
{path}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="115"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="128"/>
        <source>No file manager could open the folder. The story is in:
{path}</source>
        <translation>Không có trình quản lý tệp nào mở được thư mục. Bài nằm ở:
{path}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="149"/>
        <source>The story is not ready to publish:</source>
        <translation>Bài chưa sẵn sàng để đăng:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="155"/>
        <source>Export anyway…</source>
        <translation>Vẫn xuất…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="164"/>
        <source>Export anyway</source>
        <translation>Vẫn xuất bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/export_actions.py" line="165"/>
        <source>Why is it exported before the checklist is complete?</source>
        <translation>Vì sao xuất bài khi danh sách kiểm tra chưa đạt?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/share_card.py" line="69"/>
        <source>No featured photo</source>
        <translation>Chưa có ảnh đại diện</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/share_card.py" line="150"/>
        <source>As the networks show the story&apos;s address once it is published.</source>
        <translation>Như mạng xã hội hiển thị địa chỉ bài khi bài đã xuất bản.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/share_card.py" line="174"/>
        <source>Share card</source>
        <translation>Thẻ chia sẻ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/preview/share_card.py" line="178"/>
        <source>Show the story as Facebook and Zalo show a link</source>
        <translation>Xem bài như Facebook và Zalo hiển thị một liên kết</translation>
    </message>
</context>
<context>
    <name>PublishActions</name>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="84"/>
        <source>Publish a correction…</source>
        <translation>Đính chính…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="88"/>
        <source>Not before…</source>
        <translation>Không đăng trước…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="103"/>
        <source>Publish</source>
        <translation>Xuất bản</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="110"/>
        <source>Publish a correction</source>
        <translation>Đính chính</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="112"/>
        <source>What was corrected? Readers see this note under the story, with its time (for example: “Sửa tên đại biểu ở đoạn 3”).</source>
        <translation>Đính chính điều gì? Bạn đọc thấy ghi chú này dưới bài, kèm giờ đính chính (ví dụ: “Sửa tên đại biểu ở đoạn 3”).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="129"/>
        <source>Withdraw</source>
        <translation>Gỡ bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="142"/>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="155"/>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="160"/>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="171"/>
        <source>Not before</source>
        <translation>Không đăng trước</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="144"/>
        <source>The story may not be published before (Vietnam time; {how}). Leave it empty to lift the embargo.</source>
        <translation>Bài không được đăng trước thời điểm (giờ Việt Nam; {how}). Để trống để bỏ giờ không đăng trước.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="165"/>
        <source>No embargo: the story may be published as soon as it is ready.</source>
        <translation>Không có giờ không đăng trước: bài đăng được ngay khi sẵn sàng.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="167"/>
        <source>Not to be published before {time} (Vietnam time).</source>
        <translation>Không đăng trước {time} (giờ Việt Nam).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="184"/>
        <source>Publishing…</source>
        <translation>Đang xuất bản…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="201"/>
        <source>The story cannot be published yet:</source>
        <translation>Bài chưa xuất bản được:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="215"/>
        <source>No export folder is set, so the page was not written: export the story (Preview › Export) to write it.</source>
        <translation>Chưa đặt thư mục xuất nên trang chưa được ghi: hãy xuất bài (Xem trước › Xuất bài) để ghi trang.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="218"/>
        <source>The page is in {path}</source>
        <translation>Trang của bài ở {path}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="224"/>
        <source>Published at {time}, at {url}</source>
        <translation>Đã xuất bản lúc {time}, địa chỉ {url}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="228"/>
        <source>Correction published at {time} (version {n}).</source>
        <translation>Đã đính chính lúc {time} (phiên bản {n}).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="232"/>
        <source>Version {n} published at {time}.</source>
        <translation>Đã xuất bản phiên bản {n} lúc {time}.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="236"/>
        <source>Nothing new since the last publication: the page was written again.</source>
        <translation>Bài không có gì mới so với lần xuất bản trước: trang được ghi lại như cũ.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/publish_actions.py" line="241"/>
        <source>Withdrawn at {time}: readers find a “withdrawn” page at its address.</source>
        <translation>Đã gỡ bài lúc {time}: bạn đọc vào địa chỉ của bài sẽ thấy trang “bài đã gỡ”.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="133"/>
        <source>Reason required</source>
        <translation>Cần ghi lý do</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="137"/>
        <source>Why is the story taken down? The reason stays in its history; readers only see that it was withdrawn.</source>
        <translation>Vì sao gỡ bài? Lý do được lưu trong lịch sử bài; bạn đọc chỉ thấy bài đã bị gỡ.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="140"/>
        <source>e.g. Wrong figures; a correction will follow</source>
        <translation>ví dụ: Sai số liệu; sẽ đăng bài đính chính</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="143"/>
        <source>Why is the story moved to “{status}”? The reporter will read this.</source>
        <translation>Vì sao bài được chuyển sang “{status}”? Phóng viên sẽ đọc lời này.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="145"/>
        <source>e.g. Check the figures in the second paragraph</source>
        <translation>ví dụ: Kiểm tra lại số liệu ở đoạn thứ hai</translation>
    </message>
</context>
<context>
    <name>RestoreConfirm</name>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="51"/>
        <source>Restore this version?</source>
        <translation>Khôi phục phiên bản này?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="55"/>
        <source>Restoring the version of {time} ({author}) makes it a new version; nothing newer is lost. Red is what goes, green what comes back:</source>
        <translation>Khôi phục phiên bản lúc {time} ({author}) sẽ tạo một phiên bản mới; không mất gì của các bản mới hơn. Màu đỏ là phần bị bỏ, màu xanh là phần được lấy lại:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="64"/>
        <source>Comparing…</source>
        <translation>Đang so sánh…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="68"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/history_dialog.py" line="81"/>
        <source>This version is the same as the current state: nothing to restore.</source>
        <translation>Phiên bản này giống hệt bản hiện tại: không có gì để khôi phục.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../src/editor_app/gui/review/diff_view.py" line="71"/>
        <source>No differences.</source>
        <translation>Không có khác biệt.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="18"/>
        <source>Reporter</source>
        <translation>Phóng viên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="19"/>
        <source>Editor</source>
        <translation>Biên tập viên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="27"/>
        <source>Saved (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="28"/>
        <source>Autosave</source>
        <translation>Tự động lưu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="29"/>
        <source>Status change</source>
        <translation>Đổi trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="30"/>
        <source>Sent</source>
        <translation>Gửi bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="31"/>
        <source>Received</source>
        <translation>Nhận bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="32"/>
        <source>Restored</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="33"/>
        <source>Conflict settled</source>
        <translation>Xử lý xung đột</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="34"/>
        <source>Exported despite the checklist</source>
        <translation>Xuất bài bỏ qua kiểm tra</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="43"/>
        <source>Photo caption</source>
        <translation>Chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="44"/>
        <source>Caption of photo {n}</source>
        <translation>Chú thích ảnh {n}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="46"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="47"/>
        <source>Sapo</source>
        <translation>Sa pô</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="48"/>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="61"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="62"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/labels.py" line="63"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="75"/>
        <source>Who is working: click to change</source>
        <translation>Người đang làm việc: bấm để đổi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="91"/>
        <source>S&amp;tatus</source>
        <translation>Trạ&amp;ng thái</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="94"/>
        <source>&amp;Review</source>
        <translation>&amp;Duyệt bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="101"/>
        <source>Version history…</source>
        <translation>Lịch sử phiên bản…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="105"/>
        <source>Conflicts…</source>
        <translation>Xung đột…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="108"/>
        <source>Comments panel</source>
        <translation>Khung nhận xét</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="115"/>
        <source>Send to the editors…</source>
        <translation>Gửi ban biên tập…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="118"/>
        <source>Import a story…</source>
        <translation>Nhập bài…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="125"/>
        <source>User…</source>
        <translation>Người dùng…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="143"/>
        <source>(no story open)</source>
        <translation>(chưa mở bài nào)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="147"/>
        <source>Now: {status}</source>
        <translation>Hiện tại: {status}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="152"/>
        <source>(no move allowed for your role)</source>
        <translation>(vai trò của bạn không được chuyển trạng thái)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="154"/>
        <source>Move to “{status}”</source>
        <translation>Chuyển sang “{status}”</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="167"/>
        <source>Who are you?</source>
        <translation>Bạn là ai?</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="235"/>
        <source>Story in the trash — restore it to edit.</source>
        <translation>Bài đang ở thùng rác — khôi phục để sửa.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="239"/>
        <source>Story {status} — read only. A reporter cannot change a story once it is approved; comments can still be added.</source>
        <translation>Bài {status} — chỉ đọc. Phóng viên không sửa được bài đã duyệt; vẫn có thể thêm nhận xét.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="271"/>
        <source>Returned to the reporter.</source>
        <translation>Đã trả lại cho phóng viên.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="272"/>
        <source>Returned by {name}: {reason}</source>
        <translation>{name} trả lại: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/controller.py" line="318"/>
        <source>Moved to “{status}”</source>
        <translation>Đã chuyển sang “{status}”</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/dialogs.py" line="42"/>
        <location filename="../../src/editor_app/gui/review/dialogs.py" line="46"/>
        <source>Version restored</source>
        <translation>Đã khôi phục phiên bản</translation>
    </message>
</context>
<context>
    <name>SecondarySections</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/secondary_sections.py" line="37"/>
        <source>The primary section of this story</source>
        <translation>Chuyên mục chính của bài</translation>
    </message>
</context>
<context>
    <name>ServerLoginDialog</name>
    <message>
        <location filename="../../src/editor_app/gui/sync/login_dialog.py" line="29"/>
        <source>Log in to the newsroom server</source>
        <translation>Đăng nhập máy chủ tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/sync/login_dialog.py" line="33"/>
        <source>Your login and password for the newsroom server {server}, as IT gave them to you. The password is kept in this computer&apos;s password store, never in a file; you are asked once.</source>
        <translation>Tên đăng nhập và mật khẩu máy chủ tòa soạn {server} mà bộ phận IT đã cấp cho bạn. Mật khẩu được giữ trong kho mật khẩu của máy tính này, không bao giờ ghi ra tệp; bạn chỉ phải nhập một lần.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/sync/login_dialog.py" line="44"/>
        <source>Login</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/sync/login_dialog.py" line="48"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/sync/login_dialog.py" line="67"/>
        <source>Enter your login and your password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
</context>
<context>
    <name>SiteNotice</name>
    <message>
        <location filename="../../src/editor_app/gui/site_notice.py" line="35"/>
        <source>Site configuration has errors: built-in defaults in use</source>
        <translation>Cấu hình site có lỗi: đang dùng giá trị mặc định</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_notice.py" line="38"/>
        <source>The site configuration {path} set by IT has errors, so editor_app runs on its built-in settings (outlet, sections, export folder). Please tell IT:</source>
        <translation>Tệp cấu hình site {path} do IT đặt có lỗi, nên editor_app đang chạy với thiết lập mặc định (tòa soạn, chuyên mục, thư mục xuất bài). Hãy báo cho IT:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_notice.py" line="44"/>
        <source>Sections or officials from the site configuration were not loaded</source>
        <translation>Chưa nạp được chuyên mục hoặc danh bạ từ cấu hình site</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_notice.py" line="47"/>
        <source>The sections or officials named in the site configuration could not be loaded; editor_app tries again at the next start. Please tell IT:</source>
        <translation>Không nạp được chuyên mục hoặc danh bạ lãnh đạo ghi trong cấu hình site; editor_app sẽ thử lại ở lần khởi động sau. Hãy báo cho IT:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_notice.py" line="63"/>
        <source>Site configuration</source>
        <translation>Cấu hình site</translation>
    </message>
</context>
<context>
    <name>SiteUpdate</name>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="45"/>
        <source>P&amp;ublish</source>
        <translation>Xuất &amp;bản</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="47"/>
        <location filename="../../src/editor_app/gui/site_update.py" line="87"/>
        <location filename="../../src/editor_app/gui/site_update.py" line="186"/>
        <source>Update the site</source>
        <translation>Cập nhật trang</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="50"/>
        <source>Build the outlet&apos;s site in the export folder and upload what changed</source>
        <translation>Dựng trang của tòa soạn trong thư mục xuất bài và tải lên những gì đã đổi</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="59"/>
        <source>The site is being updated already.</source>
        <translation>Trang đang được cập nhật rồi.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="83"/>
        <source>Updating the site…</source>
        <translation>Đang cập nhật trang…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="86"/>
        <source>Building the site…</source>
        <translation>Đang dựng trang…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="88"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="91"/>
        <source>Updating the site: {what}</source>
        <translation>Đang cập nhật trang: {what}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="106"/>
        <source>Site updated: {written} new file(s), {removed} file(s) removed.</source>
        <translation>Đã cập nhật trang: {written} tệp mới, {removed} tệp xóa.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="130"/>
        <source>Sent to the web server {where}: {sent} file(s) ({size} MB), {removed} removed.</source>
        <translation>Đã gửi lên máy chủ web {where}: {sent} tệp ({size} MB), xóa {removed}.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="133"/>
        <source>Copied to {where}: {sent} file(s) ({size} MB), {removed} removed.</source>
        <translation>Đã chép vào {where}: {sent} tệp ({size} MB), xóa {removed}.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="116"/>
        <source>No web server is set, so the site stays in {folder}. To put it on the web server, IT sets [publish] in the site file (see docs/publishing.md).</source>
        <translation>Chưa đặt máy chủ web nên trang nằm ở {folder}. Để đưa trang lên máy chủ web, IT đặt [publish] trong tệp cấu hình site (xem docs/publishing.md).</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="157"/>
        <source>The site on the web server is as it was or consistently newer: no reader sees half a page. Publish › Update the site (or the next publication) completes it.</source>
        <translation>Trang trên máy chủ web vẫn như cũ hoặc mới hơn một cách nhất quán: bạn đọc không thấy trang nào dở dang. Xuất bản › Cập nhật trang (hoặc lần xuất bản sau) sẽ làm nốt.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="161"/>
        <source>Nothing was changed on the web server.</source>
        <translation>Trên máy chủ web chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="165"/>
        <source>The story&apos;s publication stands; only the update of the site failed. Retry with Publish › Update the site.</source>
        <translation>Bài vẫn được xuất bản; chỉ việc cập nhật trang chưa xong. Thử lại bằng Xuất bản › Cập nhật trang.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/site_update.py" line="171"/>
        <source>The site was not updated</source>
        <translation>Trang chưa được cập nhật</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="136"/>
        <source>Draft</source>
        <translation>Nháp</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="137"/>
        <source>Submitted</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="138"/>
        <source>Editing</source>
        <translation>Đang biên tập</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="139"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="140"/>
        <source>Published</source>
        <translation>Đã xuất bản</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="141"/>
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="142"/>
        <source>Withdrawn</source>
        <translation>Đã gỡ</translation>
    </message>
</context>
<context>
    <name>StoryBar</name>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="55"/>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="58"/>
        <source>The story&apos;s status; click to move it on</source>
        <translation>Trạng thái của bài; bấm để chuyển bước tiếp</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="64"/>
        <source>Show the review comments</source>
        <translation>Hiện các nhận xét duyệt bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="94"/>
        <source>Settle…</source>
        <translation>Xử lý…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="108"/>
        <source>{n} open comments</source>
        <translation>{n} nhận xét chưa xử lý</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/story_bar.py" line="122"/>
        <source>There are {n} conflicts to settle</source>
        <translation>Có {n} xung đột cần xử lý</translation>
    </message>
</context>
<context>
    <name>StoryList</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list/controller.py" line="73"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/controller.py" line="117"/>
        <source>All sections</source>
        <translation>Mọi chuyên mục</translation>
    </message>
</context>
<context>
    <name>StoryListModel</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="96"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="97"/>
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="98"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="99"/>
        <source>Last change</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/model.py" line="122"/>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
</context>
<context>
    <name>StorySearch</name>
    <message>
        <location filename="../../src/editor_app/gui/story_list/search.py" line="69"/>
        <source>{n} stories</source>
        <translation>{n} bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/search.py" line="118"/>
        <source>{n} results for “{q}”</source>
        <translation>{n} kết quả cho “{q}”</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/search.py" line="123"/>
        <source>phrase shortened to its first {words} words</source>
        <translation>cụm từ đã được rút gọn còn {words} từ đầu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/story_list/search.py" line="125"/>
        <source>query shortened: at most {words} different words, {chars} characters</source>
        <translation>câu tìm đã được rút gọn: tối đa {words} từ khác nhau, {chars} ký tự</translation>
    </message>
</context>
<context>
    <name>SyncLogin</name>
    <message>
        <location filename="../../src/editor_app/gui/sync/start.py" line="62"/>
        <source>Log in to the newsroom server…</source>
        <translation>Đăng nhập máy chủ tòa soạn…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/sync/start.py" line="94"/>
        <source>Logged in to the newsroom server as {name}.</source>
        <translation>Đã đăng nhập máy chủ tòa soạn với tên {name}.</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="30"/>
        <source>photo caption</source>
        <translation>chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="32"/>
        <source>headline</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="33"/>
        <source>sapo</source>
        <translation>sapo</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="34"/>
        <source>body</source>
        <translation>thân bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="41"/>
        <source>Outdated title</source>
        <translation>Chức danh cũ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="42"/>
        <source>Unknown title</source>
        <translation>Chức danh không đúng</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="43"/>
        <source>Incomplete title</source>
        <translation>Chức danh viết thiếu</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="44"/>
        <source>Still holds this title</source>
        <translation>Vẫn đang giữ chức</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/rows.py" line="47"/>
        <source>Misspelt name</source>
        <translation>Tên viết sai</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="60"/>
        <source>Officials and tags</source>
        <translation>Lãnh đạo và thẻ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="99"/>
        <source>Officials in this story</source>
        <translation>Người được gắn thẻ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="101"/>
        <source>No official tagged yet.</source>
        <translation>Chưa gắn thẻ người nào.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="105"/>
        <source>Add an official: type a name…</source>
        <translation>Thêm người: gõ tên…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="120"/>
        <source>Named in the text</source>
        <translation>Có tên trong bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="122"/>
        <source>No other official of the directory is named.</source>
        <translation>Bài không nhắc thêm người nào trong danh bạ.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="124"/>
        <source>Tag all</source>
        <translation>Gắn thẻ tất cả</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="127"/>
        <source>Tags every official found (namesakes need a choice: tag them one by one)</source>
        <translation>Gắn thẻ mọi người tìm thấy (người trùng tên cần chọn: gắn từng người)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="132"/>
        <source>Title check</source>
        <translation>Kiểm tra chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="134"/>
        <source>Titles and names agree with the directory.</source>
        <translation>Chức danh và tên khớp với danh bạ.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="142"/>
        <source>Secondary sections</source>
        <translation>Chuyên mục phụ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="204"/>
        <source>The check failed: {error}</source>
        <translation>Không kiểm tra được: {error}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="216"/>
        <source>no title on this date</source>
        <translation>không giữ chức nào vào ngày này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="219"/>
        <source>Remove this tag</source>
        <translation>Bỏ thẻ này</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="223"/>
        <source>in {where}</source>
        <translation>trong {where}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="233"/>
        <source>Tag</source>
        <translation>Gắn thẻ</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="235"/>
        <source>Tag this story with {name}</source>
        <translation>Gắn thẻ {name} cho bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="240"/>
        <source>show</source>
        <translation>xem</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="253"/>
        <source>Fix</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/title_fixes.py" line="70"/>
        <source>Write the directory&apos;s wording instead (can be undone); the arrow offers the other readings</source>
        <translation>Thay bằng cách ghi trong danh bạ (có thể hoàn tác); mũi tên bên cạnh đưa ra các cách viết khác</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/title_fixes.py" line="75"/>
        <source>Write the directory&apos;s wording instead (can be undone)</source>
        <translation>Thay bằng cách ghi trong danh bạ (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="262"/>
        <source>Problems: {n} · checked in {ms} ms</source>
        <translation>Lỗi: {n} · kiểm tra trong {ms} ms</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/title_fixes.py" line="53"/>
        <source>The text has changed since the check: checking again.</source>
        <translation>Nội dung đã đổi sau lần kiểm tra: đang kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/tag_panel.py" line="316"/>
        <source>No match in the directory</source>
        <translation>Không có trong danh bạ</translation>
    </message>
</context>
<context>
    <name>ThreadCard</name>
    <message>
        <location filename="../../src/editor_app/gui/review/thread_card.py" line="73"/>
        <source>⚠ The passage is no longer in the story (detached)</source>
        <translation>⚠ Đoạn chữ được nhận xét không còn trong bài</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/thread_card.py" line="91"/>
        <source>✓ Resolved by {name}, {time}</source>
        <translation>✓ {name} đã xử lý lúc {time}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/thread_card.py" line="102"/>
        <source>Reply…</source>
        <translation>Trả lời…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/thread_card.py" line="104"/>
        <source>Reply</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/thread_card.py" line="108"/>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/review/thread_card.py" line="112"/>
        <source>Resolve</source>
        <translation>Xử lý xong</translation>
    </message>
</context>
<context>
    <name>TitleTable</name>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="46"/>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="46"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="46"/>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="49"/>
        <source>A date such as 15/10/2020; empty: open</source>
        <translation>Ngày dạng 15/10/2020; để trống: không giới hạn</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="61"/>
        <source>Add title</source>
        <translation>Thêm chức danh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="62"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="63"/>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/officials/official_dialog.py" line="64"/>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../src/editor_app/gui/update_notice.py" line="82"/>
        <source>Install version {version}</source>
        <translation>Cài đặt phiên bản {version}</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/update_notice.py" line="89"/>
        <source>IT has published version {version}: fetch its installer, check it and run it.</source>
        <translation>Bộ phận IT đã phát hành phiên bản {version}: tải tệp cài đặt, kiểm tra rồi chạy.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/update_notice.py" line="98"/>
        <source>A new version {version} is available — contact IT</source>
        <translation>Có phiên bản mới {version} — liên hệ bộ phận IT</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/update_notice.py" line="123"/>
        <source>Fetching the installer of version {version}…</source>
        <translation>Đang tải tệp cài đặt phiên bản {version}…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/update_notice.py" line="126"/>
        <location filename="../../src/editor_app/gui/update_notice.py" line="139"/>
        <source>New version</source>
        <translation>Phiên bản mới</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/update_notice.py" line="127"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>VietDateField</name>
    <message>
        <location filename="../../src/editor_app/gui/editor/date_field.py" line="39"/>
        <source>day/month/year</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/date_field.py" line="106"/>
        <source>{problem} Type the day, then the month, then the year (12/4/2023); leave it empty for no event date.</source>
        <translation>{problem} Hãy gõ ngày, rồi tháng, rồi năm (12/4/2023); để trống nếu không có ngày sự kiện.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/editor/date_field.py" line="110"/>
        <source>The event date: day/month/year, e.g. 12/4/2023; 12/4 is this year</source>
        <translation>Ngày sự kiện: ngày/tháng/năm, ví dụ 12/4/2023; 12/4 là năm nay</translation>
    </message>
</context>
<context>
    <name>WordChecks</name>
    <message>
        <location filename="../../src/editor_app/gui/word_checks.py" line="49"/>
        <source>Tone marks of the whole story as “{example}”</source>
        <translation>Đặt dấu cả bài kiểu “{example}”</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_checks.py" line="56"/>
        <source>Places every tone mark of oa, oe, uy the outlet&apos;s way (can be undone)</source>
        <translation>Đặt mọi dấu thanh của vần oa, oe, uy theo kiểu của tòa soạn (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_checks.py" line="148"/>
        <source>Tone marks placed as “{example}”; the story before is in its history.</source>
        <translation>Đã đặt dấu kiểu “{example}”; bản trước khi đổi có trong lịch sử của bài.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_checks.py" line="150"/>
        <source>Nothing to change: the story already writes “{example}”.</source>
        <translation>Không có gì để đổi: bài đã viết kiểu “{example}”.</translation>
    </message>
</context>
<context>
    <name>WordImport</name>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="64"/>
        <source>Import a Word file…</source>
        <extracomment>What a drop takes as a Word file (a .docm or .doc is taken too: the import says why not).</extracomment>
        <translation>Nhập tệp Word…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="67"/>
        <source>A .docx file becomes a new story, with its photos, captions and credits</source>
        <translation>Tệp .docx thành một bài mới, cùng ảnh, chú thích và tác giả ảnh</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="107"/>
        <location filename="../../src/editor_app/gui/word_import.py" line="130"/>
        <source>Import a Word file</source>
        <translation>Nhập tệp Word</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="109"/>
        <source>Word documents (*.docx);;All files (*)</source>
        <translation>Tài liệu Word (*.docx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="129"/>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="131"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="134"/>
        <source>Storing the photo {name}…</source>
        <translation>Đang lưu ảnh {name}…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="136"/>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="158"/>
        <source>Nothing was imported or changed.</source>
        <translation>Không có gì được nhập hay thay đổi.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="160"/>
        <source>The Word file was not imported</source>
        <translation>Chưa nhập được tệp Word</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="166"/>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="168"/>
        <source>The story “{h}” was made from the Word file with {n} photo(s). It is open for editing.</source>
        <translation>Đã tạo bài “{h}” từ tệp Word, kèm {n} ảnh. Bài đang mở để biên tập.</translation>
    </message>
    <message>
        <location filename="../../src/editor_app/gui/word_import.py" line="173"/>
        <location filename="../../src/editor_app/gui/word_import.py" line="175"/>
        <source>Word file imported</source>
        <translation>Đã nhập tệp Word</translation>
    </message>
</context>
</TS>
