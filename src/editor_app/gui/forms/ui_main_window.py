# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QMenu, QMenuBar, QPlainTextEdit, QScrollArea, QSplitter, QStackedWidget, QStatusBar, QTableView, QVBoxLayout, QWidget)

from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.gui.editor.headline_edit import HeadlineEdit

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1360, 860)
        self.actionNew = QAction(MainWindow)
        self.actionNew.setObjectName(u"actionNew")
        self.actionDuplicate = QAction(MainWindow)
        self.actionDuplicate.setObjectName(u"actionDuplicate")
        self.actionSaveRevision = QAction(MainWindow)
        self.actionSaveRevision.setObjectName(u"actionSaveRevision")
        self.actionTrash = QAction(MainWindow)
        self.actionTrash.setObjectName(u"actionTrash")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionDeleteForever = QAction(MainWindow)
        self.actionDeleteForever.setObjectName(u"actionDeleteForever")
        self.actionShowTrash = QAction(MainWindow)
        self.actionShowTrash.setObjectName(u"actionShowTrash")
        self.actionShowTrash.setCheckable(True)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionReplace = QAction(MainWindow)
        self.actionReplace.setObjectName(u"actionReplace")
        self.actionVietnamese = QAction(MainWindow)
        self.actionVietnamese.setObjectName(u"actionVietnamese")
        self.actionVietnamese.setCheckable(True)
        self.actionVietnamese.setText(u"Ti\u1ebfng Vi\u1ec7t")
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setCheckable(True)
        self.actionEnglish.setText(u"English")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.storyPanel = QWidget(self.splitter)
        self.storyPanel.setObjectName(u"storyPanel")
        self.storyLayout = QVBoxLayout(self.storyPanel)
        self.storyLayout.setSpacing(8)
        self.storyLayout.setObjectName(u"storyLayout")
        self.storyLayout.setContentsMargins(12, 12, 6, 8)
        self.searchEdit = QLineEdit(self.storyPanel)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.storyLayout.addWidget(self.searchEdit)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(6)
        self.filterLayout.setObjectName(u"filterLayout")
        self.statusFilter = QComboBox(self.storyPanel)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterLayout.addWidget(self.statusFilter)

        self.sectionFilter = QComboBox(self.storyPanel)
        self.sectionFilter.setObjectName(u"sectionFilter")

        self.filterLayout.addWidget(self.sectionFilter)


        self.storyLayout.addLayout(self.filterLayout)

        self.storyList = QTableView(self.storyPanel)
        self.storyList.setObjectName(u"storyList")
        self.storyList.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.storyList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.storyList.setShowGrid(False)
        self.storyList.setAlternatingRowColors(True)
        self.storyList.setWordWrap(False)
        self.storyList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.storyList.horizontalHeader().setHighlightSections(False)
        self.storyList.horizontalHeader().setStretchLastSection(False)
        self.storyList.verticalHeader().setVisible(False)

        self.storyLayout.addWidget(self.storyList)

        self.listInfo = QLabel(self.storyPanel)
        self.listInfo.setObjectName(u"listInfo")

        self.storyLayout.addWidget(self.listInfo)

        self.splitter.addWidget(self.storyPanel)
        self.articleStack = QStackedWidget(self.splitter)
        self.articleStack.setObjectName(u"articleStack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.articleStack.addWidget(self.emptyPage)
        self.articlePage = QWidget()
        self.articlePage.setObjectName(u"articlePage")
        self.articleLayout = QVBoxLayout(self.articlePage)
        self.articleLayout.setSpacing(4)
        self.articleLayout.setObjectName(u"articleLayout")
        self.articleLayout.setContentsMargins(18, 14, 18, 8)
        self.headlineLabel = QLabel(self.articlePage)
        self.headlineLabel.setObjectName(u"headlineLabel")

        self.articleLayout.addWidget(self.headlineLabel)

        self.headlineEdit = HeadlineEdit(self.articlePage)
        self.headlineEdit.setObjectName(u"headlineEdit")

        self.articleLayout.addWidget(self.headlineEdit)

        self.headlineHint = QLabel(self.articlePage)
        self.headlineHint.setObjectName(u"headlineHint")

        self.articleLayout.addWidget(self.headlineHint)

        self.sapoLabel = QLabel(self.articlePage)
        self.sapoLabel.setObjectName(u"sapoLabel")

        self.articleLayout.addWidget(self.sapoLabel)

        self.sapoEdit = QPlainTextEdit(self.articlePage)
        self.sapoEdit.setObjectName(u"sapoEdit")
        self.sapoEdit.setMaximumSize(QSize(16777215, 96))
        self.sapoEdit.setTabChangesFocus(True)

        self.articleLayout.addWidget(self.sapoEdit)

        self.sapoHint = QLabel(self.articlePage)
        self.sapoHint.setObjectName(u"sapoHint")

        self.articleLayout.addWidget(self.sapoHint)

        self.bodyLabel = QLabel(self.articlePage)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.articleLayout.addWidget(self.bodyLabel)

        self.bodyEdit = BodyEditor(self.articlePage)
        self.bodyEdit.setObjectName(u"bodyEdit")

        self.articleLayout.addWidget(self.bodyEdit)

        self.articleStack.addWidget(self.articlePage)
        self.splitter.addWidget(self.articleStack)
        self.metaScroll = QScrollArea(self.splitter)
        self.metaScroll.setObjectName(u"metaScroll")
        self.metaScroll.setWidgetResizable(True)
        self.metaScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.metaPanel = QWidget()
        self.metaPanel.setObjectName(u"metaPanel")
        self.metaLayout = QFormLayout(self.metaPanel)
        self.metaLayout.setObjectName(u"metaLayout")
        self.metaLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.metaLayout.setVerticalSpacing(6)
        self.metaLayout.setContentsMargins(6, 14, 12, -1)
        self.sectionLabel = QLabel(self.metaPanel)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.metaLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sectionLabel)

        self.sectionCombo = QComboBox(self.metaPanel)
        self.sectionCombo.setObjectName(u"sectionCombo")

        self.metaLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sectionCombo)

        self.keywordsLabel = QLabel(self.metaPanel)
        self.keywordsLabel.setObjectName(u"keywordsLabel")

        self.metaLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keywordsLabel)

        self.keywordsEdit = QLineEdit(self.metaPanel)
        self.keywordsEdit.setObjectName(u"keywordsEdit")

        self.metaLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keywordsEdit)

        self.bylineLabel = QLabel(self.metaPanel)
        self.bylineLabel.setObjectName(u"bylineLabel")

        self.metaLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.bylineLabel)

        self.bylineEdit = QLineEdit(self.metaPanel)
        self.bylineEdit.setObjectName(u"bylineEdit")

        self.metaLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.bylineEdit)

        self.locationLabel = QLabel(self.metaPanel)
        self.locationLabel.setObjectName(u"locationLabel")

        self.metaLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(self.metaPanel)
        self.locationEdit.setObjectName(u"locationEdit")

        self.metaLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.eventDateCheck = QCheckBox(self.metaPanel)
        self.eventDateCheck.setObjectName(u"eventDateCheck")

        self.metaLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.eventDateCheck)

        self.eventDateEdit = QDateEdit(self.metaPanel)
        self.eventDateEdit.setObjectName(u"eventDateEdit")
        self.eventDateEdit.setCalendarPopup(True)

        self.metaLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.eventDateEdit)

        self.metaInfo = QLabel(self.metaPanel)
        self.metaInfo.setObjectName(u"metaInfo")
        self.metaInfo.setWordWrap(True)

        self.metaLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.metaInfo)

        self.metaScroll.setWidget(self.metaPanel)
        self.splitter.addWidget(self.metaScroll)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuNewFromTemplate = QMenu(self.menuFile)
        self.menuNewFromTemplate.setObjectName(u"menuNewFromTemplate")
        self.menuRecent = QMenu(self.menuFile)
        self.menuRecent.setObjectName(u"menuRecent")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuLanguage = QMenu(self.menuSettings)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.headlineLabel.setBuddy(self.headlineEdit)
        self.sapoLabel.setBuddy(self.sapoEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
        self.sectionLabel.setBuddy(self.sectionCombo)
        self.keywordsLabel.setBuddy(self.keywordsEdit)
        self.bylineLabel.setBuddy(self.bylineEdit)
        self.locationLabel.setBuddy(self.locationEdit)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNew)
        self.menuFile.addAction(self.menuNewFromTemplate.menuAction())
        self.menuFile.addAction(self.actionDuplicate)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionSaveRevision)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.menuRecent.menuAction())
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionTrash)
        self.menuFile.addAction(self.actionRestore)
        self.menuFile.addAction(self.actionDeleteForever)
        self.menuFile.addAction(self.actionShowTrash)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuEdit.addAction(self.actionFind)
        self.menuEdit.addAction(self.actionReplace)
        self.menuSettings.addAction(self.menuLanguage.menuAction())
        self.menuLanguage.addAction(self.actionVietnamese)
        self.menuLanguage.addAction(self.actionEnglish)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Editorial desk", None))
        self.actionNew.setText(QCoreApplication.translate("MainWindow", u"&New story", None))
#if QT_CONFIG(shortcut)
        self.actionNew.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionDuplicate.setText(QCoreApplication.translate("MainWindow", u"D&uplicate story", None))
        self.actionSaveRevision.setText(QCoreApplication.translate("MainWindow", u"&Save a revision", None))
#if QT_CONFIG(shortcut)
        self.actionSaveRevision.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+S", None))
#endif // QT_CONFIG(shortcut)
        self.actionTrash.setText(QCoreApplication.translate("MainWindow", u"Move to &trash", None))
#if QT_CONFIG(shortcut)
        self.actionTrash.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Del", None))
#endif // QT_CONFIG(shortcut)
        self.actionRestore.setText(QCoreApplication.translate("MainWindow", u"&Restore from trash", None))
        self.actionDeleteForever.setText(QCoreApplication.translate("MainWindow", u"Delete for good\u2026", None))
        self.actionShowTrash.setText(QCoreApplication.translate("MainWindow", u"Show trash", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"&Find\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionReplace.setText(QCoreApplication.translate("MainWindow", u"Find and &replace\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionReplace.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+H", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About editor_app\u2026", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Search stories (diacritics optional)\u2026", None))
#if QT_CONFIG(tooltip)
        self.statusFilter.setToolTip(QCoreApplication.translate("MainWindow", u"Show stories with this status", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.sectionFilter.setToolTip(QCoreApplication.translate("MainWindow", u"Show stories of this section", None))
#endif // QT_CONFIG(tooltip)
        self.listInfo.setText("")
        self.emptyLabel.setText(QCoreApplication.translate("MainWindow", u"Choose a story on the left, or start a new one with Ctrl+N.", None))
        self.headlineLabel.setText(QCoreApplication.translate("MainWindow", u"Headline", None))
        self.headlineEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Headline (60\u2013100 characters)", None))
        self.headlineHint.setText("")
        self.sapoLabel.setText(QCoreApplication.translate("MainWindow", u"Sapo (lead)", None))
        self.sapoEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"The lead paragraph, shown in bold (150\u2013300 characters)", None))
        self.sapoHint.setText("")
        self.bodyLabel.setText(QCoreApplication.translate("MainWindow", u"Body (Markdown)", None))
        self.sectionLabel.setText(QCoreApplication.translate("MainWindow", u"Section", None))
        self.keywordsLabel.setText(QCoreApplication.translate("MainWindow", u"Keywords (comma-separated)", None))
        self.bylineLabel.setText(QCoreApplication.translate("MainWindow", u"Byline", None))
        self.locationLabel.setText(QCoreApplication.translate("MainWindow", u"Location", None))
        self.eventDateCheck.setText(QCoreApplication.translate("MainWindow", u"Event date", None))
        self.eventDateEdit.setDisplayFormat(QCoreApplication.translate("MainWindow", u"d/M/yyyy", None))
        self.metaInfo.setText("")
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuNewFromTemplate.setTitle(QCoreApplication.translate("MainWindow", u"New in section", None))
        self.menuRecent.setTitle(QCoreApplication.translate("MainWindow", u"Recent stories", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"&Edit", None))
        self.menuSettings.setTitle(QCoreApplication.translate("MainWindow", u"&Settings", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"Language", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

